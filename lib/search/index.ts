export * from './types';
export * from './limits';
export { parseSearchParams, toUrlSearchParams, SearchParamError } from './params';
export { parseQuery } from './query';
export { highlight, snippet } from './highlight';
