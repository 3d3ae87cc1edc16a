/** How big an imported pack file may be, shared by the file picker and the importer. */
export const MAX_PACK_CHARS = 5_000_000;
