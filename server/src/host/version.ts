/** The package version, injected by esbuild at bundle time; 'dev' when running unbundled (tests). */
declare const __ETAG_GUARD_VERSION__: string | undefined;

export const VERSION: string = typeof __ETAG_GUARD_VERSION__ === 'string' ? __ETAG_GUARD_VERSION__ : 'dev';
