import type { CasewalkApi } from '../../shared/api';

declare global {
  interface Window {
    casewalk: CasewalkApi;
  }
}
export {};
