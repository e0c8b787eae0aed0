/**
 * The XForm XML of a form model, as pyxform would write it from the XLSForm: what ODK Central
 * accepts directly and what ODK Collect, KoboCollect and ODK Web Forms run. One translation per
 * language (Indonesian the default), static choices inline, choices from a CSV attachment as a
 * secondary instance, meta/instanceID filled by the phone (jr:preload="uid").
 */
import { FORM_LANGUAGES, fieldPaths, instanceId, type Field, type FormModel, type Item, type Question, type Text } from './model.js';

const NAMESPACES = [
  'xmlns="http://www.w3.org/2002/xforms"', 'xmlns:ev="http://www.w3.org/2001/xml-events"', 'xmlns:h="http://www.w3.org/1999/xhtml"',
  'xmlns:jr="http://openrosa.org/javarosa"', 'xmlns:odk="http://www.opendatakit.org/xforms"', 'xmlns:orx="http://openrosa.org/xforms"',
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
].join(' ');

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The XPath of an XLSForm expression: `${name}` becomes the field's path. */
export function toXPath(expression: string, paths: ReadonlyMap<string, string>): string {
  return expression.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const path = paths.get(name);
    if (path === undefined) throw new Error(`the expression ${expression} names ${name}, which the form does not have`);
    return ` ${path} `;
  });
}

/** The constraint of a question, as an XLSForm expression (also written to the XLSForm's survey sheet). */
export function constraintOf(q: Field): string | undefined {
  if (q.type === 'integer') {
    const parts = [q.min === undefined ? '' : `. >= ${q.min}`, q.max === undefined ? '' : `. <= ${q.max}`].filter((p) => p !== '');
    return parts.length > 0 ? parts.join(' and ') : undefined;
  }
  if (q.type === 'date' && q.notFuture) return '. <= today()';
  return undefined;
}

const BIND_TYPE: Record<Field['type'], string> = {
  select_one: 'string', select_multiple: 'string', select_one_from_file: 'string', integer: 'int', text: 'string', date: 'date', calculate: 'string',
};

interface Texts {
  id: string;
  text: Text;
}

export function writeXForm(model: FormModel): string {
  const entries = fieldPaths(model);
  const paths = new Map(entries.map((e) => [e.field.name, e.path]));
  const texts = new Map<string, Texts>();
  const itext = (id: string, text: Text) => {
    texts.set(id, { id, text });
    return `jr:itext('${id}')`;
  };
  const root = `/${model.root}`;

  // Body first: it registers the texts the translations hold.
  const body = model.items.map((item) => bodyOf(item, model, paths, itext, root, '  ')).filter((s) => s !== '').join('\n');
  const binds: string[] = [];
  const setvalues: string[] = [];
  for (const { field, path } of entries) {
    const attrs = [`nodeset="${path}"`, `type="${BIND_TYPE[field.type]}"`];
    if (field.type === 'calculate') attrs.push(`calculate="${escapeXml(toXPath(field.calculation, paths))}"`);
    else {
      if (field.required) attrs.push('required="true()"');
      if (field.required && field.requiredMessage) attrs.push(`jr:requiredMsg="${itext(`${path}:requiredMsg`, field.requiredMessage)}"`);
      if (field.relevant) attrs.push(`relevant="${escapeXml(toXPath(field.relevant, paths))}"`);
      const constraint = constraintOf(field);
      if (constraint) {
        attrs.push(`constraint="${escapeXml(constraint)}"`);
        const message = 'constraintMessage' in field ? field.constraintMessage : undefined;
        if (message) attrs.push(`jr:constraintMsg="${itext(`${path}:constraintMsg`, message)}"`);
      }
      if (field.type === 'date' && field.defaultToday) setvalues.push(`<setvalue event="odk-instance-first-load" ref="${path}" value="today()"/>`);
    }
    binds.push(`<bind ${attrs.join(' ')}/>`);
  }
  binds.push(`<bind nodeset="${root}/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>`);

  const translations = FORM_LANGUAGES.map((lang, i) => [
    `        <translation lang="${lang.name}"${i === 0 ? ' default="true()"' : ''}>`,
    ...[...texts.values()].map((t) => `          <text id="${escapeXml(t.id)}"><value>${escapeXml(t.text[lang.key])}</value></text>`),
    '        </translation>',
  ].join('\n'));
  const instance = model.items.map((item) => item.type === 'group'
    ? `          <${item.name}>\n${item.fields.map((f) => `            <${f.name}/>`).join('\n')}\n          </${item.name}>`
    : `          <${item.name}/>`);
  const secondary = model.attachments.map((a) => `      <instance id="${escapeXml(instanceId(a.file))}" src="jr://file-csv/${escapeXml(a.file)}"/>`);

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<h:html ${NAMESPACES}>`,
    '  <h:head>',
    `    <h:title>${escapeXml(model.title)}</h:title>`,
    '    <model odk:xforms-version="1.0.0">',
    '      <itext>',
    ...translations,
    '      </itext>',
    '      <instance>',
    `        <${model.root} id="${escapeXml(model.id)}" version="${escapeXml(model.version)}">`,
    ...instance,
    '          <meta>',
    '            <instanceID/>',
    '          </meta>',
    `        </${model.root}>`,
    '      </instance>',
    ...secondary,
    ...binds.map((b) => `      ${b}`),
    ...setvalues.map((s) => `      ${s}`),
    '    </model>',
    '  </h:head>',
    '  <h:body>',
    body,
    '  </h:body>',
    '</h:html>',
    '',
  ].join('\n');
}

type Itext = (id: string, text: Text) => string;

function bodyOf(item: Item, model: FormModel, paths: ReadonlyMap<string, string>, itext: Itext, root: string, indent: string): string {
  if (item.type === 'group') {
    const path = `${root}/${item.name}`;
    const inner = item.fields.map((f) => bodyOf(f, model, paths, itext, path, `${indent}  `)).filter((s) => s !== '');
    return [`${indent}<group ref="${path}">`, `${indent}  <label ref="${itext(`${path}:label`, item.label)}"/>`, ...inner, `${indent}</group>`].join('\n');
  }
  if (item.type === 'calculate') return '';
  return questionBody(item, model, paths, itext, `${root}/${item.name}`, indent);
}

function questionBody(q: Question, model: FormModel, paths: ReadonlyMap<string, string>, itext: Itext, path: string, indent: string): string {
  const lines = [`  <label ref="${itext(`${path}:label`, q.label)}"/>`];
  if (q.hint) lines.push(`  <hint ref="${itext(`${path}:hint`, q.hint)}"/>`);
  const appearance = 'appearance' in q && q.appearance ? ` appearance="${escapeXml(q.appearance)}"` : '';
  let tag = 'input';
  if (q.type === 'select_one' || q.type === 'select_multiple') {
    tag = q.type === 'select_one' ? 'select1' : 'select';
    const choices = model.choices[q.list];
    if (!choices) throw new Error(`the form has no choice list ${q.list}`);
    choices.forEach((c, i) => {
      lines.push(`  <item><label ref="${itext(`${q.list}-${i}`, c.label)}"/><value>${escapeXml(c.value)}</value></item>`);
    });
  } else if (q.type === 'select_one_from_file') {
    tag = 'select1';
    const filter = q.filter ? `[${escapeXml(toXPath(q.filter, paths))}]` : '';
    lines.push(`  <itemset nodeset="instance('${escapeXml(instanceId(q.file))}')/root/item${filter}">`, '    <value ref="name"/>', '    <label ref="label"/>', '  </itemset>');
  }
  return [`${indent}<${tag} ref="${path}"${appearance}>`, ...lines.map((l) => indent + l), `${indent}</${tag}>`].join('\n');
}
