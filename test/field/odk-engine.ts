// Fills an XForm in ODK's own engine (npm @getodk/xforms-engine) and returns the submission it
// would send to ODK Central or KoboToolbox. Adapted from the research prototype of issue 14.
import './dom-shim.js';
import type { AnyNode, RootNode, SelectNode } from '@getodk/xforms-engine';

const engine = await import('@getodk/xforms-engine');

export type Answer = string | number | readonly string[];

export const walk = (node: AnyNode, out: AnyNode[] = []): AnyNode[] => {
  out.push(node);
  for (const child of node.currentState.children ?? []) walk(child as AnyNode, out);
  return out;
};

export const findNode = (root: RootNode, reference: string): AnyNode => {
  const node = walk(root).find((n) => n.currentState.reference === reference);
  if (node === undefined) throw new Error(`the form has no node ${reference}`);
  return node;
};

export const asSelect = (node: AnyNode): SelectNode => {
  if (node.nodeType !== 'select') throw new Error(`${node.currentState.reference} is a ${node.nodeType} node, not a select`);
  return node as SelectNode;
};

/** attachments: file name as in jr://file-csv/<name> → the file's text. A missing one is a 404, as on a server. */
export const openForm = async (formXml: string, attachments: Readonly<Record<string, string>> = {}): Promise<RootNode> => {
  const form = await engine.loadForm(formXml, {
    fetchFormAttachment: async (url) => {
      const name = url.href.replace(/^jr:\/\/[^/]+\//, '');
      const text = attachments[name];
      return text === undefined ? new Response('', { status: 404 }) : new Response(text, { status: 200 });
    },
  });
  if (form.status === 'failure') throw form.error;
  return form.createInstance().root;
};

/** Sets one answer; throws when the node is missing or not relevant, or the engine drops or changes the value. */
export const answer = (root: RootNode, reference: string, value: Answer): void => {
  const node = findNode(root, reference);
  if (!node.currentState.relevant) throw new Error(`${reference} is not relevant`);
  if (node.nodeType === 'select') {
    const wanted = typeof value === 'object' ? value : [String(value)];
    node.selectValues(wanted); // values outside the choices are dropped silently
    const missing = wanted.filter((v) => !node.currentState.value.includes(v));
    if (missing.length > 0) throw new Error(`${reference}: not among the choices: ${missing.join(', ')}`);
    return;
  }
  if (node.nodeType === 'input') {
    if (typeof value === 'object') throw new Error(`${reference} takes one value`);
    (node as { setValue(v: string): unknown }).setValue(String(value));
    const stored = node.currentState.instanceValue;
    if (stored !== String(value)) throw new Error(`${reference}: the engine stored "${stored}" for "${value}"`);
    return;
  }
  throw new Error(`${reference} is a ${node.nodeType} node, not a question`);
};

export const violations = (root: RootNode) =>
  root.validationState.violations.map((v) => ({ reference: v.reference, condition: v.violation.condition, message: v.violation.message?.asString ?? null }));

export const submit = async (root: RootNode): Promise<{ status: string; xml: string }> => {
  const payload = await root.prepareInstancePayload({ payloadType: 'monolithic' });
  const file = payload.data[0].get(engine.constants.INSTANCE_FILE_NAME);
  return { status: payload.status, xml: await file.text() };
};

interface XmlElement {
  readonly localName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}
const parseXml = (xml: string): XmlElement => {
  const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, type: string): { documentElement: XmlElement } } }).DOMParser;
  return new Parser().parseFromString(xml, 'text/xml').documentElement;
};

/** A submission's leaves as [group path, value], in document order (`['grp_asesmen', 'keterampilan']`). */
export const leaves = (xml: string): { path: string[]; value: string }[] => {
  const out: { path: string[]; value: string }[] = [];
  const visit = (el: XmlElement, path: string[]): void => {
    if (el.children.length === 0) {
      out.push({ path, value: el.textContent ?? '' });
      return;
    }
    for (const child of Array.from(el.children)) visit(child, [...path, child.localName]);
  };
  visit(parseXml(xml), []);
  return out;
};

export const rootAttributes = (xml: string): { id: string | null; version: string | null } => {
  const root = parseXml(xml);
  return { id: root.getAttribute('id'), version: root.getAttribute('version') };
};
