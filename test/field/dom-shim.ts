// @getodk/xforms-engine (ODK Web Forms' engine) is built for browsers: at import time it needs a
// W3C DOM (DOMParser, Node, document …), and its bundled web-tree-sitter takes emscripten's Node
// branch, which reads __dirname (undefined in ES modules; the wasm is inlined, so any value does).
// Import this module before the engine, and the engine with a dynamic import.
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
const globals = globalThis as Record<string, unknown>;
const DOM_GLOBALS = [
  'DOMParser', 'XMLSerializer', 'Node', 'Element', 'Document', 'XMLDocument', 'Attr', 'Text', 'CDATASection', 'Comment',
  'ProcessingInstruction', 'DocumentFragment', 'NodeList', 'HTMLCollection', 'NamedNodeMap',
] as const;

globals['__dirname'] ??= '/';
for (const name of DOM_GLOBALS) globals[name] ??= window[name];
globals['document'] = window.document;
