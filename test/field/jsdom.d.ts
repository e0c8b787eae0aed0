// The one jsdom API the shim uses. (@types/jsdom would pull lib "dom" into the whole program.)
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: { readonly document: unknown } & Record<string, unknown>;
  }
}
