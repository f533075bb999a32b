import { VoileError } from '../../../errors.js';
import { primitiveKey } from '../fhirpath-eval.js';
import { isPrimitiveType, typeInfo } from '../schema.js';

/**
 * A mutable, typed element tree like the one Microsoft's engine works on: every element knows its
 * name, FHIR type and parent; primitives hold a value that methods set to null to redact it.
 */
export class MsNode {
  readonly children: MsNode[] = [];
  value: unknown;
  parent: MsNode | undefined;

  constructor(
    /** Element name (`value` for `valueQuantity`). */
    readonly name: string,
    /** FHIR type (`HumanName`, `date`, a resource type for resources). */
    readonly type: string,
    /** JSON property (`valueQuantity`). */
    readonly key: string,
    readonly isArray: boolean,
    readonly isResource: boolean,
    readonly isPrimitive: boolean,
  ) {}

  add(child: MsNode): void {
    child.parent = this;
    this.children.push(child);
  }

  remove(child: MsNode): void {
    const i = this.children.indexOf(child);
    if (i >= 0) this.children.splice(i, 1);
  }

  childrenNamed(name: string): MsNode[] {
    return this.children.filter((c) => c.name === name);
  }

  root(): MsNode {
    let node: MsNode = this;
    while (node.parent) node = node.parent;
    return node;
  }

  /** The resource's id value (Microsoft's GetNodeId). */
  idValue(): string {
    const id = this.children.find((c) => c.name === 'id');
    return id?.value == null ? '' : String(id.value);
  }
}

export function buildResource(json: Record<string, unknown>, name = '', key = '', isArray = false): MsNode {
  const resourceType = json['resourceType'];
  if (typeof resourceType !== 'string' || !typeInfo(resourceType)?.isResource) {
    throw new VoileError('ANONYMIZATION_FAILED', 'The resource could not be anonymized', { detail: 'input is not a FHIR resource' });
  }
  const node = new MsNode(name || resourceType, resourceType, key, isArray, true, false);
  fillChildren(node, json, resourceType, true);
  return node;
}

/** Builds a complex element of a given type (also used for substitute's `replaceWith`). */
export function buildElement(json: Record<string, unknown>, type: string, name: string, key: string, isArray: boolean): MsNode {
  const node = new MsNode(name, type, key, isArray, false, false);
  fillChildren(node, json, type, false);
  return node;
}

function fillChildren(node: MsNode, json: Record<string, unknown>, type: string, isResource: boolean): void {
  const info = typeInfo(type);
  if (!info) throw new VoileError('ANONYMIZATION_FAILED', 'The resource could not be anonymized', { detail: 'element of an unknown type' });
  for (const key of Object.keys(json)) {
    if (key === 'resourceType' && isResource) continue;
    const base = key.startsWith('_') ? key.slice(1) : key;
    if (key.startsWith('_') && base in json) continue;
    const element = info.properties.get(base);
    if (!element) continue; // not FHIR: Microsoft's parser would reject it; we drop it
    const value = json[base];
    const shadow = json[`_${base}`];
    const elementType = isResource && base === 'id' ? 'id' : element.type;
    if (element.type === 'Resource') {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === 'object') node.add(buildResource(item as Record<string, unknown>, base, base, element.isArray));
      }
    } else if (isPrimitiveType(element.type)) {
      const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      const shadows = Array.isArray(shadow) ? shadow : shadow === undefined ? [] : [shadow];
      const n = Math.max(values.length, shadows.length);
      for (let i = 0; i < n; i++) {
        const child = new MsNode(element.name, elementType, base, element.isArray, false, true);
        child.value = values[i] ?? null;
        const s = shadows[i];
        if (s && typeof s === 'object') fillChildren(child, s as Record<string, unknown>, 'Element', false);
        node.add(child);
      }
    } else {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === 'object') node.add(buildElement(item as Record<string, unknown>, element.type, element.name, base, element.isArray));
      }
    }
  }
}

/** JSON of a node; `stopAtResources` leaves nested resources out (the view FHIRPath runs on). */
export interface View {
  readonly json: Record<string, unknown>;
  readonly objects: Map<object, MsNode>;
  readonly primitives: Map<object, Map<string, MsNode>>;
}

export function toJson(node: MsNode): Record<string, unknown> {
  return serialize(node, undefined, false) as Record<string, unknown>;
}

export function toView(node: MsNode): View {
  const view: View = { json: {}, objects: new Map(), primitives: new Map() };
  const json = serialize(node, view, true) as Record<string, unknown>;
  return { ...view, json };
}

function serialize(node: MsNode, view: View | undefined, stopAtResources: boolean): unknown {
  const out: Record<string, unknown> = {};
  if (node.isResource) out['resourceType'] = node.type;
  const groups = new Map<string, MsNode[]>();
  for (const child of node.children) {
    if (child.isResource && stopAtResources && view) continue;
    const list = groups.get(child.key);
    if (list) list.push(child);
    else groups.set(child.key, [child]);
  }
  const primitiveSlots: Array<[string, MsNode]> = [];
  for (const [key, children] of groups) {
    const first = children[0]!;
    if (first.isPrimitive) {
      const values = children.map((c) => (c.value === undefined ? null : c.value));
      const shadows = children.map((c) => (c.children.length > 0 ? serialize(c, view, stopAtResources) : null));
      const hasValue = values.some((v) => v !== null);
      const hasShadow = shadows.some((s) => s !== null);
      if (first.isArray) {
        if (hasValue) out[key] = values;
        if (hasShadow) out[`_${key}`] = shadows;
      } else {
        if (hasValue) out[keyFor(first)] = values[0];
        if (hasShadow) out[`_${keyFor(first)}`] = shadows[0];
      }
      children.forEach((c, i) => primitiveSlots.push([primitiveKey(keyFor(c), first.isArray ? i : -1), c]));
    } else {
      const items = children.map((c) => serialize(c, view, stopAtResources));
      out[keyFor(first)] = first.isArray ? items : items[0];
      if (view) children.forEach((c, i) => view.objects.set(items[i] as object, c));
    }
  }
  if (view) {
    const map = new Map<string, MsNode>();
    for (const [k, c] of primitiveSlots) map.set(k, c);
    view.primitives.set(out, map);
    view.objects.set(out, node);
  }
  return out;
}

function keyFor(node: MsNode): string {
  return node.key;
}
