/** The JSON Schemas of the YAML sources, for reading descriptions and allowed properties. */
import opinion from '../../schemas/opinion.schema.json' with { type: 'json' };
import principles from '../../schemas/principles.schema.json' with { type: 'json' };
import recommendations from '../../schemas/recommendations.schema.json' with { type: 'json' };
import evidence from '../../schemas/evidence.schema.json' with { type: 'json' };
import hearings from '../../schemas/hearings.schema.json' with { type: 'json' };
import glossary from '../../schemas/glossary.schema.json' with { type: 'json' };
import amendments from '../../schemas/amendments.schema.json' with { type: 'json' };
import type { YamlKind } from './model.js';

export const schemas: Record<YamlKind, Record<string, unknown>> = { opinion, principles, recommendations, evidence, hearings, glossary, amendments };
