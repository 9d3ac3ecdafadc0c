/** A Gecko profile as Firefox writes it at shutdown (the parts the bench reads). */
export interface Table {
  schema: Record<string, number>;
  data: unknown[][];
}
export interface GeckoThread {
  name: string;
  processType?: string;
  samples: Table;
  stackTable: Table;
  frameTable: Table;
  funcTable?: Table;
  stringTable: string[];
}
export interface GeckoProfile {
  meta: { startTime: number; interval: number };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}
/** Our content script's frames (the background page's are in the add-on's own process). */
export const OUR_SCRIPT = /moz-extension:\/\/[^/]+\/content-scripts\//;
