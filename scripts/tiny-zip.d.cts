/** A zip archive of `files` (name → text), uncompressed; by default a handler that returns its event. */
export declare function tinyZip(files?: Record<string, string>): Uint8Array;
