declare const OPINION_VERSION: string | undefined;

/** The package version, inlined by the bundler; read from package.json when running from source. */
export const VERSION: string = typeof OPINION_VERSION === 'string' ? OPINION_VERSION : '0.0.0-dev';
