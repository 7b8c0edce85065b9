/** Recommendations per addressee and priority. */
import type { Opinion } from '../core/model.js';
import type { AddresseeCount, RecommendationStats } from './types.js';

import { ADDRESSEES } from '../core/model.js';

export { ADDRESSEES };

export function recommendationStats(opinion: Opinion): RecommendationStats {
  const byPriority = { high: 0, medium: 0, low: 0, none: 0 };
  const rows = new Map<string, AddresseeCount>();
  for (const recommendation of opinion.recommendations) {
    const priority =
      recommendation.priority === 'high' || recommendation.priority === 'medium' || recommendation.priority === 'low' ? recommendation.priority : 'none';
    byPriority[priority]++;
    for (const addressee of Array.isArray(recommendation.addressees) ? recommendation.addressees : []) {
      let row = rows.get(addressee);
      if (!row) {
        row = { addressee, high: 0, medium: 0, low: 0, none: 0, total: 0 };
        rows.set(addressee, row);
      }
      row[priority]++;
      row.total++;
    }
  }
  const order = (a: string) => {
    const i = (ADDRESSEES as readonly string[]).indexOf(a);
    return i === -1 ? ADDRESSEES.length : i;
  };
  const byAddressee = [...rows.values()].sort((a, b) => order(a.addressee) - order(b.addressee) || a.addressee.localeCompare(b.addressee, 'en'));
  return { total: opinion.recommendations.length, byAddressee, byPriority };
}
