/** A problem with one input file; the message says what is wrong, the loader adds which file. */
export class CatalogueError extends Error {
  override name = 'CatalogueError';
}
