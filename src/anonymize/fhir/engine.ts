import type { Resource } from '@medplum/fhirtypes';
import { VoileError } from '../../errors.js';
import type { FhirProfile, FhirRule } from '../../policy/types.js';
import type { TextContext, TextFormat } from '../text/api.js';
import type { FhirAnonymizeDeps, FhirAnonymizeResult, FhirAnonymizer } from './api.js';
import { compileFhirPath, emptyHits, primitiveKey, recordHits, type NodeHits } from './fhirpath-eval.js';
import { compileSimplePath, leadingResourceType, toStandardFhirPath, type SimplePattern } from './paths.js';
import { PatientFinder } from './patient.js';
import { CACHE_LIMIT, parseReference, uuidFromHash } from './references.js';
import { typeInfo, type ElementInfo, type TypeInfo } from './schema.js';
import { addSecurityLabels, SecurityLabels } from './security.js';
import { compileCases, DATE_TYPES, generalizeValue, NUMBER_TYPES, perturbValue, STRING_TYPES, TEXT_TYPES, yearOf, type CompiledCases } from './values.js';
import { rememberBounded } from '../../util/bounded-memo.js';
import { alignedOrGone, GONE, GONE_REQUIRED, hasValueOrExtensions, settleAligned, settledArray, settledObject, settledResource } from './settle.js';
import { PendingText, settledWithAnswers, type Answers } from './settle-answers.js';

/**
 * The Voile rule engine: default deny, first matching rule (on the element or an ancestor) wins.
 * One walk per resource over (element path, FHIR type), with rule patterns advanced as it descends;
 * FHIRPath is evaluated only for rules that need it, once per resource.
 */

interface CompiledRule {
  readonly index: number;
  readonly rule: FhirRule;
  readonly pattern: SimplePattern | undefined;
  readonly expr: ReturnType<typeof compileFhirPath> | undefined;
  /** Resource type a FHIRPath rule starts from (undefined = any). */
  readonly exprRoot: string | undefined;
  readonly cases: CompiledCases | undefined;
}

/** A rule pattern part-way matched: `step` steps done, the current node being the last matched. */
interface State {
  readonly rule: CompiledRule;
  readonly step: number;
}

/** Where a state set goes on one element (a property of a type), computed once per engine. */
interface Transition {
  readonly next: StateSet;
  /** Rules whose pattern ends at this element. */
  readonly matches: readonly number[];
  /**
   * inherited candidates → inherited ∪ matches. Keys and values are interned lists (never built
   * per request), so the map stays bounded; only used for resources without FHIRPath hits.
   */
  readonly merged: Map<readonly number[], readonly number[]>;
}

/**
 * The states at one element. Sets are interned: the set reached by (parent set, name, type) is
 * computed once per engine, so after warm-up matching costs a map lookup per element.
 */
class StateSet {
  // name → type → set: two lookups, no key string built per element walked.
  readonly #next = new Map<string, Map<string, StateSet>>();
  readonly #matches = new Map<string, readonly number[]>();
  // The schema's ElementInfo objects are unique per (type, property): one identity lookup per element.
  readonly #transitions = new Map<ElementInfo, Transition>();
  readonly #shapes = new Map<TypeInfo, Shape>();
  constructor(readonly states: readonly State[]) {}

  /** The properties of `type` under these states, interned like the sets themselves. */
  shape(type: TypeInfo): Shape {
    let shape = this.#shapes.get(type);
    if (!shape) {
      shape = new Shape(type, this);
      this.#shapes.set(type, shape);
    }
    return shape;
  }

  step(info: ElementInfo): Transition {
    let t = this.#transitions.get(info);
    if (!t) {
      const next = this.advance(info.name, info.type);
      t = { next, matches: next.matches(info.type), merged: new Map() };
      this.#transitions.set(info, t);
    }
    return t;
  }

  advance(name: string, type: string): StateSet {
    let byType = this.#next.get(name);
    if (!byType) {
      byType = new Map();
      this.#next.set(name, byType);
    }
    let next = byType.get(type);
    if (!next) {
      next = new StateSet(advance(this.states, name, type));
      byType.set(type, next);
    }
    return next;
  }

  /** Rules whose pattern ends at this element, for an element of `type`. */
  matches(type: string): readonly number[] {
    let m = this.#matches.get(type);
    if (!m) {
      m = ownMatches(this.states, type, undefined);
      this.#matches.set(type, m);
    }
    return m;
  }
}

/** How one JSON property of a type is walked under one state set: which element, where the states go. */
interface PropertyStep {
  readonly info: ElementInfo;
  readonly transition: Transition;
  readonly isExtension: boolean;
  /** The element's own properties, for a complex element of a known type. */
  readonly childShape: Shape | undefined;
}

/**
 * The properties of a type under one state set, each looked up once per engine: the walk then costs
 * one map lookup per property instead of a schema lookup and a state step. A `_name` key gets the
 * step of the element `name` (its primitive's extensions); null: not an element of the type.
 */
class Shape {
  // Elements only: keys that are not (null) come from the data and are never remembered, so the
  // map stays bounded by the schema.
  readonly #steps = new Map<string, PropertyStep>();
  readonly #plans = new Map<readonly number[], ObjectPlan>();
  constructor(readonly type: TypeInfo, readonly states: StateSet) {}

  step(key: string): PropertyStep | null {
    let step = this.#steps.get(key);
    if (step === undefined) {
      const info = this.type.properties.get(key) ?? this.type.shadows.get(key);
      if (info === undefined) return null;
      step = this.#stepOf(info);
      this.#steps.set(key, step);
    }
    return step;
  }

  /** The walk plan of objects of this shape whose candidate rules are `candidates` (an interned list). */
  plan(candidates: readonly number[]): ObjectPlan {
    let plan = this.#plans.get(candidates);
    if (!plan) {
      plan = new ObjectPlan(this, candidates);
      this.#plans.set(candidates, plan);
    }
    return plan;
  }

  #stepOf(info: ElementInfo): PropertyStep {
    const transition = this.states.step(info);
    const childType = info.primitive ? undefined : typeInfo(info.type);
    return {
      info,
      transition,
      isExtension: info.name === 'extension' || info.name === 'modifierExtension',
      childShape: childType === undefined ? undefined : transition.next.shape(childType),
    };
  }
}

/** A property under a walk plan: its step, and the candidate rules of its value (none from FHIRPath). */
interface PlannedProperty {
  readonly step: PropertyStep;
  readonly candidates: readonly number[];
  /** The plan of a complex value's own properties, linked on first use. */
  child: ObjectPlan | undefined;
}

/**
 * A shape under one interned candidate list: per property, the candidates of its value too. Only
 * for resources without FHIRPath hits, whose candidate lists are all interned (so are the plans);
 * a resource with hits walks its shapes and merges candidates per node.
 */
class ObjectPlan {
  // Elements only, as in Shape.
  readonly #properties = new Map<string, PlannedProperty>();
  constructor(readonly shape: Shape, readonly candidates: readonly number[]) {}

  property(key: string): PlannedProperty | null {
    let planned = this.#properties.get(key);
    if (planned === undefined) {
      const step = this.shape.step(key);
      if (step === null) return null;
      planned = { step, candidates: internedCandidates(step.transition, step.isExtension ? NO_RULES : this.candidates), child: undefined };
      this.#properties.set(key, planned);
    }
    return planned;
  }
}

/** The one empty candidate list: candidate lists are compared by identity in the merge caches. */
const NO_RULES: readonly number[] = Object.freeze([]);

interface TextJob {
  readonly value: string;
  readonly format: TextFormat;
  readonly patientId: string | undefined;
}

interface ResourceCtx {
  readonly resourceType: string;
  readonly patientId: string | undefined;
  readonly hits: NodeHits | undefined;
  readonly labels: SecurityLabels;
  readonly texts: TextJob[];
  /**
   * Output objects and arrays holding a PendingText (directly or below): all `settledWithAnswers`
   * visits, with an object's type (undefined for an array), so it can tell when a required part went.
   * Made on the first pending text: most resources have none, or only texts answered during the walk.
   */
  textHolders: Map<object, TypeInfo | undefined> | undefined;
  readonly uuidTargets: ReadonlyMap<string, string> | undefined;
  modifierDropped: boolean;
  /**
   * Texts a synchronous hook answered during the walk, so far: each is in place already, or left a
   * GONE where it was. An output that got one is settled as the walk completes it (settle.ts).
   */
  answered: number;
}

const NO_HOLDERS: ReadonlyMap<object, TypeInfo | undefined> = new Map();

function holdsText(ctx: ResourceCtx, holder: object, type?: TypeInfo): void {
  (ctx.textHolders ??= new Map()).set(holder, type);
}

const REMOVED = Symbol('removed');
const NARRATIVE_DIV = '<div xmlns="http://www.w3.org/1999/xhtml"><p>This resource was anonymized by Voile; its narrative was removed.</p></div>';

export function createVoileAnonymizer(profile: FhirProfile, deps: FhirAnonymizeDeps): FhirAnonymizer {
  return new VoileEngine(profile, deps);
}

class VoileEngine implements FhirAnonymizer {
  readonly resourceTypes: ReadonlySet<string> | undefined;
  readonly #profile: FhirProfile;
  readonly #deps: FhirAnonymizeDeps;
  readonly #rules: readonly CompiledRule[];
  readonly #exprRules: readonly CompiledRule[];
  readonly #initialStates = new Map<string, StateSet>();
  // Per engine, not shared: its shapes keep plans of this engine's candidate lists.
  readonly #noStates = new StateSet([]);
  readonly #rootCandidatesByType = new Map<string, readonly number[]>();
  // reference as written → as released (a pure function of the secret). Pseudonyms and date
  // shifts themselves are memoized once, in Identity, which DICOM and the search guard share.
  readonly #references = new Map<string, string | undefined>();
  readonly #patients = new PatientFinder();

  constructor(profile: FhirProfile, deps: FhirAnonymizeDeps) {
    this.#profile = profile;
    this.#deps = deps;
    this.resourceTypes = profile.resourceTypes ? new Set(profile.resourceTypes) : undefined;
    this.#rules = profile.rules.map((rule, index) => compileRule(rule, index));
    this.#exprRules = this.#rules.filter((r) => r.expr !== undefined);
    typeInfo('Resource'); // load the schema now, not on the first request
  }

  async anonymize(resource: Resource): Promise<FhirAnonymizeResult> {
    try {
      const out = await this.#resource(resource as unknown as Record<string, unknown>, undefined, undefined, true);
      return { resource: out as Resource | undefined };
    } catch (err) {
      throw asAnonymizationFailure(err);
    }
  }

  /**
   * Many resources (a search page), in one call: each is walked synchronously, and only those with
   * contained resources or free text wait for anything. A page of 50 structured resources costs one
   * promise instead of a chain of promises and microtask turns per resource.
   */
  async anonymizeMany(resources: readonly Resource[]): Promise<(Resource | undefined)[]> {
    try {
      const results: (Resource | undefined)[] = new Array(resources.length);
      let waiting: Promise<void>[] | undefined;
      for (let i = 0; i < resources.length; i++) {
        const out = this.#resource(resources[i] as unknown as Record<string, unknown>, undefined, undefined, true);
        if (out instanceof Promise) (waiting ??= []).push(out.then((r) => void (results[i] = r as Resource | undefined)));
        else results[i] = out as Resource | undefined;
      }
      if (waiting !== undefined) await Promise.all(waiting);
      return results;
    } catch (err) {
      throw asAnonymizationFailure(err);
    }
  }

  // ---- resources ------------------------------------------------------------------------------

  /** Synchronous unless the resource has contained resources or free text (then a promise). */
  #resource(
    input: Record<string, unknown>,
    inheritedPatient: string | undefined,
    uuidTargets: ReadonlyMap<string, string> | undefined,
    labelled: boolean,
  ): Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined> {
    const resourceType = input?.['resourceType'];
    if (typeof resourceType !== 'string') throw failure('input is not a FHIR resource');
    const type = typeInfo(resourceType);
    if (!type?.isResource) throw failure('unknown resource type');
    // A Bundle is a container: its entries are filtered by type, the Bundle itself always passes.
    if (resourceType === 'Bundle') return this.#bundle(input);
    if (this.resourceTypes && !this.resourceTypes.has(resourceType)) return undefined;

    const ctx: ResourceCtx = {
      resourceType,
      patientId: inheritedPatient ?? this.#patients.find(input, uuidTargets),
      hits: this.#hitsFor(input, resourceType),
      labels: new SecurityLabels(),
      texts: [],
      textHolders: undefined,
      uuidTargets,
      modifierDropped: false,
      answered: 0,
    };
    const out = this.#resourceBody(input, type, ctx);
    if (ctx.modifierDropped) return this.#droppedForModifier(ctx);
    // Asynchronous only when there is something to wait for: most resources have no contained
    // resources, many no free text or only text a redacting hook answers at once, and every await is
    // a turn of the microtask queue per resource.
    if (Array.isArray(input['contained']) && input['contained'].length > 0) return this.#withContained(input, ctx, out, labelled);
    if (ctx.texts.length === 0) return this.#settled(out, ctx, labelled);
    return this.#deidentifyTexts(ctx).then((t) => this.#withTexts(out, t, ctx, labelled));
  }

  /** The resource when nothing is left to wait for: what texts answered during the walk removed is settled away. */
  #settled(out: Record<string, unknown>, ctx: ResourceCtx, labelled: boolean): Record<string, unknown> | undefined {
    return this.#released(ctx.answered === 0 ? out : settledResource(out, typeInfo(ctx.resourceType)!, ctx.labels), ctx, labelled);
  }

  /**
   * The resource with its de-identified texts in place (labelled when it is a top-level resource);
   * undefined when a modifierExtension went with a text (`ctx.modifierDropped` then set).
   */
  #withTexts(out: Record<string, unknown>, texts: readonly (string | undefined)[], ctx: ResourceCtx, labelled: boolean): Record<string, unknown> | undefined {
    const answers: Answers = { texts, holders: ctx.textHolders ?? NO_HOLDERS, labels: ctx.labels, modifierDropped: false };
    const settled = settledWithAnswers(out, typeInfo(ctx.resourceType)!, answers);
    if (answers.modifierDropped) return this.#droppedForModifier(ctx);
    return this.#released(settled, ctx, labelled);
  }

  /**
   * What is released of a walked and settled resource (`undefined`: a required text or part of it
   * went in settlement), labelled when it is a top-level resource.
   *
   * A resource that lost a required element of its own (Observation.code or .status, a
   * Subscription's channel: a rule that does not keep it, or a required text removed) is not
   * released at all. Its nested elements go whole when they lose a mandatory part, but the
   * resource has no parent to go with: what is left is invalid FHIR, and the shell of its type
   * that used to be released for a removed required text is invalid too, and misleading: a
   * partner counting Observations would count records with no code or status. Failing the request
   * instead would let one resource deny a whole search page, or a whole bulk export, for a choice of
   * the profile. So it goes as a resource outside the profile's types or one that lost a
   * modifierExtension (`drop-resource`) goes: a read answers as for a resource it cannot see, a
   * search page and a bulk export leave it out, a container leaves out a contained one. A profile
   * that keeps no required element of a type it releases thus releases none of that type: visible,
   * not hidden in shells.
   */
  #released(result: Record<string, unknown> | undefined, ctx: ResourceCtx, labelled: boolean): Record<string, unknown> | undefined {
    if (result === undefined || !hasRequired(result, typeInfo(ctx.resourceType)!)) return undefined;
    if (labelled) addSecurityLabels(result, ctx.labels);
    return result;
  }

  /** A resource with contained resources: those first (their own free text), then its texts. */
  async #withContained(input: Record<string, unknown>, ctx: ResourceCtx, out: Record<string, unknown>, labelled: boolean): Promise<Record<string, unknown> | undefined> {
    const contained = await this.#contained(input, ctx);
    if (contained === REMOVED) return undefined;
    if (contained) out['contained'] = contained;
    if (ctx.texts.length === 0) return this.#settled(out, ctx, labelled);
    return this.#withTexts(out, await this.#deidentifyTexts(ctx), ctx, labelled);
  }

  /**
   * A resource that lost a modifierExtension (which may change the meaning of the rest) is not
   * released: dropped, or the request fails, as the profile says.
   */
  #droppedForModifier(ctx: ResourceCtx): undefined {
    ctx.modifierDropped = true;
    if (this.#profile.unknownModifierExtension === 'fail') throw failure('resource carries a modifierExtension no rule keeps');
    return undefined;
  }

  #resourceBody(input: Record<string, unknown>, type: TypeInfo, ctx: ResourceCtx): Record<string, unknown> {
    const states = this.#statesFor(ctx.resourceType);
    const shape = states.shape(type);
    if (ctx.hits === undefined) {
      // Without hits the list is the same for every resource of this type: interned, like every list below.
      const candidates = this.#rootCandidates(ctx.resourceType, states);
      return this.#object(input, shape, candidates, shape.plan(candidates), ctx, true);
    }
    const hits = ctx.hits.objects.get(input);
    const candidates = hits === undefined ? this.#rootCandidates(ctx.resourceType, states) : merge(NO_RULES, withHits(states.matches(ctx.resourceType), hits));
    return this.#object(input, shape, candidates, undefined, ctx, true);
  }

  #rootCandidates(resourceType: string, states: StateSet): readonly number[] {
    let candidates = this.#rootCandidatesByType.get(resourceType);
    if (!candidates) {
      candidates = merge(NO_RULES, states.matches(resourceType));
      this.#rootCandidatesByType.set(resourceType, candidates);
    }
    return candidates;
  }

  /**
   * Candidate rules at an element: the inherited ones and those ending here, in rule order. When
   * the resource has no FHIRPath hits every list is interned, so the union is computed once.
   */
  #candidates(t: Transition, inherited: readonly number[], hits: readonly number[] | undefined, ctx: ResourceCtx): readonly number[] {
    if (hits !== undefined) return merge(inherited, withHits(t.matches, hits));
    if (ctx.hits !== undefined) return merge(inherited, t.matches);
    return internedCandidates(t, inherited);
  }

  async #contained(input: Record<string, unknown>, ctx: ResourceCtx): Promise<unknown[] | undefined | typeof REMOVED> {
    const contained = input['contained'];
    if (!Array.isArray(contained) || contained.length === 0) return undefined;
    const out: unknown[] = [];
    for (const child of contained) {
      const childCtxLabels = new SecurityLabels();
      const anonymized = await this.#containedResource(child as Record<string, unknown>, ctx, childCtxLabels);
      if (anonymized === REMOVED) return REMOVED;
      ctx.labels.addAll(childCtxLabels);
      if (anonymized) out.push(anonymized);
    }
    return out.length > 0 ? out : undefined;
  }

  async #containedResource(input: Record<string, unknown>, parent: ResourceCtx, labels: SecurityLabels): Promise<Record<string, unknown> | undefined | typeof REMOVED> {
    const resourceType = input?.['resourceType'];
    if (typeof resourceType !== 'string') throw failure('contained entry is not a FHIR resource');
    const type = typeInfo(resourceType);
    if (!type?.isResource) throw failure('unknown resource type');
    if (this.resourceTypes && !this.resourceTypes.has(resourceType)) return undefined;
    const ctx: ResourceCtx = {
      resourceType,
      patientId: parent.patientId,
      hits: this.#hitsFor(input, resourceType),
      labels,
      texts: [],
      textHolders: undefined,
      uuidTargets: parent.uuidTargets,
      modifierDropped: false,
      answered: 0,
    };
    const out = this.#resourceBody(input, type, ctx);
    if (ctx.modifierDropped) {
      // A contained resource that lost a modifierExtension takes its container with it.
      this.#droppedForModifier(ctx);
      return REMOVED;
    }
    // A contained id is a local anchor (`#id`), not an identifier: it stays as written.
    if (typeof input['id'] === 'string') out['id'] = input['id'];
    if (ctx.texts.length === 0) return this.#settled(out, ctx, false);
    const result = this.#withTexts(out, await this.#deidentifyTexts(ctx), ctx, false);
    return ctx.modifierDropped ? REMOVED : result;
  }

  async #bundle(input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const entries = Array.isArray(input['entry']) ? (input['entry'] as Record<string, unknown>[]) : [];
    const uuidTargets = new Map<string, string>();
    for (const entry of entries) {
      const res = entry?.['resource'] as Record<string, unknown> | undefined;
      if (typeof entry?.['fullUrl'] === 'string' && res?.['resourceType'] === 'Patient' && typeof res['id'] === 'string') {
        uuidTargets.set(entry['fullUrl'].toLowerCase(), res['id']);
      }
    }
    const out: Record<string, unknown> = { resourceType: 'Bundle' };
    if (typeof input['id'] === 'string') out['id'] = this.#deps.identity.pseudonymizeId('Bundle', input['id']);
    if (typeof input['type'] === 'string') out['type'] = input['type'];
    if (typeof input['total'] === 'number') out['total'] = input['total'];
    const outEntries: unknown[] = [];
    for (const entry of entries) {
      if (entry === null || typeof entry !== 'object') throw failure('bundle entry is not an object');
      const res = entry['resource'] as Record<string, unknown> | undefined;
      const anonymized = res === undefined ? undefined : await this.#resource(res, undefined, uuidTargets, true);
      if (res !== undefined && anonymized === undefined) continue;
      const outEntry: Record<string, unknown> = {};
      const fullUrl = this.#fullUrl(entry['fullUrl'], res);
      if (fullUrl) outEntry['fullUrl'] = fullUrl;
      if (anonymized) outEntry['resource'] = anonymized;
      const search = entry['search'] as Record<string, unknown> | undefined;
      if (search && typeof search === 'object') {
        const s: Record<string, unknown> = {};
        if (typeof search['mode'] === 'string') s['mode'] = search['mode'];
        if (typeof search['score'] === 'number') s['score'] = search['score'];
        if (Object.keys(s).length > 0) outEntry['search'] = s;
      }
      if (Object.keys(outEntry).length > 0) outEntries.push(outEntry);
    }
    if (outEntries.length > 0) out['entry'] = outEntries;
    return out;
  }

  /** The fullUrl of an entry, rewritten like a reference to its resource. */
  #fullUrl(fullUrl: unknown, resource: Record<string, unknown> | undefined): string | undefined {
    if (typeof fullUrl === 'string') {
      const parsed = parseReference(fullUrl);
      if (parsed.kind === 'uuid') return this.#uuid(parsed.uuid);
      if (parsed.kind === 'literal') return `${parsed.type}/${this.#deps.identity.pseudonymizeId(parsed.type, parsed.id)}`;
    }
    const type = resource?.['resourceType'];
    const id = resource?.['id'];
    if (typeof type === 'string' && typeof id === 'string') return `${type}/${this.#deps.identity.pseudonymizeId(type, id)}`;
    return undefined;
  }

  #uuid(uuid: string): string {
    return `urn:uuid:${uuidFromHash(this.#deps.identity.cryptoHash(`urn:uuid:${uuid}`))}`;
  }

  // ---- matching -------------------------------------------------------------------------------

  #statesFor(resourceType: string): StateSet {
    let set = this.#initialStates.get(resourceType);
    if (!set) {
      const states: State[] = [];
      for (const rule of this.#rules) {
        if (rule.pattern && (rule.pattern.root === undefined || rule.pattern.root === resourceType)) states.push({ rule, step: 0 });
      }
      set = states.length === 0 ? this.#noStates : new StateSet(states);
      this.#initialStates.set(resourceType, set);
    }
    return set;
  }

  #hitsFor(resource: Record<string, unknown>, resourceType: string): NodeHits | undefined {
    let hits: NodeHits | undefined;
    let view: Record<string, unknown> | undefined;
    const original = new Map<object, object>();
    for (const rule of this.#exprRules) {
      if (rule.exprRoot !== undefined && rule.exprRoot !== resourceType) continue;
      if (!view) {
        // Nested resources are anonymized on their own: the expression sees this resource only.
        view = { ...resource };
        delete view['contained'];
        original.set(view, resource);
        hits = emptyHits();
      }
      try {
        recordHits(hits!, rule.expr!, view, original, rule.index, resource);
      } catch (cause) {
        throw new VoileError('ANONYMIZATION_FAILED', 'A profile rule could not be evaluated', { detail: `rule ${rule.index}`, cause });
      }
    }
    return hits;
  }

  // ---- the walk -------------------------------------------------------------------------------

  /**
   * `plan` (resources without FHIRPath hits) gives each property's candidates ready-made; without
   * it they are merged per node from `candidates` and the hits.
   */
  #object(input: Record<string, unknown>, shape: Shape, candidates: readonly number[], plan: ObjectPlan | undefined, ctx: ResourceCtx, isRoot: boolean): Record<string, unknown> {
    // A resource's own object starts with its type, as FHIR JSON is written (no copy to reorder it).
    const out: Record<string, unknown> = isRoot ? { resourceType: ctx.resourceType } : {};
    const textsBefore = ctx.texts.length;
    const keys = Object.keys(input);
    // `_name` properties (extensions of primitives) are rare: look them up only where there are some.
    let anyShadow = false;
    for (const key of keys) {
      if (key.charCodeAt(0) === 95 /* _ */) {
        anyShadow = true;
        break;
      }
    }
    for (const key of keys) {
      if (isRoot && (key === 'resourceType' || key === 'contained')) continue;
      const planned = plan?.property(key) ?? undefined;
      const step = planned?.step ?? shape.step(key);
      if (step === null) {
        ctx.labels.add('REDACTED'); // not an element of this type: nothing vouches for it
        continue;
      }
      const info = step.info;
      const name = info.key;
      if (key !== name && name in input) continue; // `_name`: the extensions of a primitive, handled with its value
      if (isRoot && info.type === 'Narrative' && name === 'text') {
        this.#narrative(out, ctx);
        continue;
      }
      if (info.type === 'Resource') {
        // Only contained (handled apart) and a few Bundle/Parameters slots hold resources; the
        // engine does not release nested resources it was not built to anonymize.
        ctx.labels.add('REDACTED');
        continue;
      }
      const value = input[name];
      const shadow = anyShadow ? input[info.shadowKey] : undefined;
      if ((value === undefined || value === null) && (shadow === undefined || shadow === null)) continue;
      if (info.primitive) {
        this.#primitiveProperty(out, input, value, shadow, step, planned?.candidates, candidates, ctx, isRoot);
      } else if (Array.isArray(value)) {
        const itemTextsBefore = ctx.texts.length;
        const answeredBefore = ctx.answered;
        const items: unknown[] = [];
        for (const item of value) {
          const r = this.#complex(item, step, planned, candidates, ctx);
          if (r !== undefined) items.push(r);
        }
        if (items.length > 0) {
          out[name] = ctx.answered === answeredBefore ? items : settledArray(items);
          if (ctx.texts.length !== itemTextsBefore) holdsText(ctx, items);
        }
      } else if (value !== undefined && value !== null) {
        const r = this.#complex(value, step, planned, candidates, ctx);
        if (r !== undefined) out[name] = r;
      }
    }
    if (ctx.texts.length !== textsBefore) holdsText(ctx, out, shape.type);
    return out;
  }

  #complex(value: unknown, step: PropertyStep, planned: PlannedProperty | undefined, inherited: readonly number[], ctx: ResourceCtx): unknown {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw failure('element has the wrong shape');
    const shape = step.childShape;
    if (!shape) throw failure('element of an unknown type');
    const { info, isExtension } = step;
    const candidates = planned?.candidates ?? this.#candidates(step.transition, isExtension ? NO_RULES : inherited, ctx.hits?.objects.get(value), ctx);
    const decided = this.#decideComplex(value as Record<string, unknown>, info, candidates, ctx);
    if (decided === REMOVED) return this.#gone(info, ctx, false);
    if (decided !== undefined) return decided;
    // Unknown extension: nothing kept it.
    if (isExtension && candidates.length === 0) return this.#gone(info, ctx, true);
    const plan = planned === undefined ? undefined : (planned.child ??= shape.plan(candidates));
    const answeredBefore = ctx.answered;
    const out = this.#object(value as Record<string, unknown>, shape, candidates, plan, ctx, false);
    // #object only ever adds non-empty values, so emptiness is the only thing left to check.
    const pruned = isEmptyObject(out) ? undefined : out;
    if (pruned === undefined) return this.#gone(info, ctx, false);
    // An extension without its url means nothing; never release its value alone.
    if (isExtension && typeof (pruned as Record<string, unknown>)['url'] !== 'string') return this.#gone(info, ctx, false);
    // ext-1: an extension left with its url only says nothing, and is invalid: it goes.
    if (isExtension && !hasValueOrExtensions(pruned as Record<string, unknown>)) return this.#gone(info, ctx, true);
    // An element that lost a mandatory part (an Annotation without its text) would make the
    // resource invalid and says little alone: it goes as a whole.
    if (!hasRequired(pruned as Record<string, unknown>, shape.type)) return this.#gone(info, ctx, true);
    // Decided with the removed texts present, as a GONE (or a PendingText): only now does what went go.
    if (ctx.answered === answeredBefore) return pruned;
    const settled = settledObject(pruned, shape.type, ctx.labels);
    if (settled === GONE) this.#gone(info, ctx, false);
    return settled;
  }

  /**
   * An element that goes (REDACTED when nothing vouched for its removal otherwise): a
   * modifierExtension among them changes the resource's meaning, so the resource is dropped or the
   * call fails, per profile (#droppedForModifier).
   */
  #gone(info: ElementInfo, ctx: ResourceCtx, redacted: boolean): undefined {
    if (redacted) ctx.labels.add('REDACTED');
    if (info.name === 'modifierExtension') ctx.modifierDropped = true;
    return undefined;
  }

  /** Whole-node decisions on a complex element; undefined = walk its children. */
  #decideComplex(value: Record<string, unknown>, info: ElementInfo, candidates: readonly number[], ctx: ResourceCtx): unknown {
    const first = this.#rules[candidates[0] ?? -1];
    if (!first) return undefined;
    switch (first.rule.method) {
      case 'redact':
        // Not taken whole: a descendant matched by an earlier rule (`Address.country: keep` before
        // `nodesByType('Address'): redact`) still decides for itself; every other leaf is removed.
        return undefined;
      case 'substitute':
        ctx.labels.add('MASKED');
        return first.rule.replaceWith === undefined || first.rule.replaceWith === null ? REMOVED : structuredClone(first.rule.replaceWith);
      case 'pseudonymize':
        if (info.type === 'Reference') return this.#reference(value, ctx) ?? REMOVED;
        return undefined;
      default:
        return undefined;
    }
  }

  #reference(value: Record<string, unknown>, ctx: ResourceCtx): Record<string, unknown> | undefined {
    const out: Record<string, unknown> = {};
    if (typeof value['reference'] === 'string') {
      const rewritten = this.#referenceString(value['reference']);
      if (rewritten !== undefined) out['reference'] = rewritten;
    }
    if (typeof value['type'] === 'string') out['type'] = value['type'];
    ctx.labels.add('PSEUDED');
    if (value['display'] !== undefined || value['identifier'] !== undefined || value['extension'] !== undefined) ctx.labels.add('REDACTED');
    return out['reference'] === undefined ? undefined : out;
  }

  /** Memoized: the same subject, encounter or performer recurs across a bundle's entries. */
  #referenceString(reference: string): string | undefined {
    if (this.#references.has(reference)) return this.#references.get(reference);
    const rewritten = this.#rewriteReference(reference);
    rememberBounded(this.#references, reference, rewritten, CACHE_LIMIT);
    return rewritten;
  }

  #rewriteReference(reference: string): string | undefined {
    const parsed = parseReference(reference);
    switch (parsed.kind) {
      case 'literal': {
        const pseudo = this.#deps.identity.pseudonymizeId(parsed.type, parsed.id);
        return parsed.version === undefined ? `${parsed.type}/${pseudo}` : `${parsed.type}/${pseudo}/_history/${parsed.version}`;
      }
      case 'uuid':
        return this.#uuid(parsed.uuid);
      case 'local':
        return reference;
      default:
        return undefined;
    }
  }

  /** `planned`: the candidates of a resource without FHIRPath hits; else merged per value from the hits. */
  #primitiveProperty(
    out: Record<string, unknown>,
    parent: Record<string, unknown>,
    value: unknown,
    shadow: unknown,
    step: PropertyStep,
    planned: readonly number[] | undefined,
    inherited: readonly number[],
    ctx: ResourceCtx,
    isRoot: boolean,
  ): void {
    const { info, transition: t } = step;
    const name = info.key;
    const byKey = ctx.hits?.primitives.get(parent);
    if (Array.isArray(value) || Array.isArray(shadow)) {
      const values = Array.isArray(value) ? value : [];
      const shadows = Array.isArray(shadow) ? shadow : [];
      const outValues: unknown[] = [];
      const outShadows: unknown[] = [];
      const textsBefore = ctx.texts.length;
      const answeredBefore = ctx.answered;
      const n = Math.max(values.length, shadows.length);
      for (let i = 0; i < n; i++) {
        const candidates = planned ?? this.#candidates(t, inherited, byKey?.get(primitiveKey(name, i)), ctx);
        const r = this.#primitive(values[i] ?? undefined, shadows[i] ?? undefined, info, candidates, t.next, ctx, false);
        if (r.value === undefined && r.shadow === undefined) continue;
        outValues.push(r.value ?? null);
        outShadows.push(r.shadow ?? null);
      }
      if (ctx.texts.length !== textsBefore) {
        holdsText(ctx, outValues);
        holdsText(ctx, outShadows);
      }
      const hasValues = outValues.some((v) => v !== null);
      const hasShadows = outShadows.some((v) => v !== null);
      if (ctx.answered !== answeredBefore) settleAligned(outValues, outShadows);
      // What went entirely stays a GONE: present for the parent's decisions, as a PendingText is.
      if (hasValues) out[name] = alignedOrGone(outValues);
      if (hasShadows) out[info.shadowKey] = alignedOrGone(outShadows);
      return;
    }
    const candidates = planned ?? this.#candidates(t, inherited, byKey?.get(primitiveKey(name, -1)), ctx);
    if (shadow === undefined || shadow === null) {
      // The common case, without extensions: no { value, shadow } pair to build per primitive.
      const released = this.#primitiveValue(value, info, candidates, ctx, isRoot);
      if (released !== undefined) out[name] = released;
      return;
    }
    const r = this.#primitive(value, shadow, info, candidates, t.next, ctx, isRoot);
    // A kept null (a value with extensions only) is not written: FHIR JSON writes such a single
    // primitive as `_name` alone (only arrays hold null, to stay aligned with their `_name` array).
    if (r.value !== undefined && r.value !== null) out[name] = r.value;
    if (r.shadow !== undefined) out[info.shadowKey] = r.shadow;
  }

  /** `#primitive` for a primitive without extensions (`value` defined): what it releases, or undefined. */
  #primitiveValue(value: unknown, info: ElementInfo, candidates: readonly number[], ctx: ResourceCtx, isRoot: boolean): unknown {
    const type = info.type;
    if (value !== null && !hasPrimitiveShape(type, value)) throw failure('a primitive element has the wrong shape');
    for (const index of candidates) {
      const applied = this.#applyToPrimitive(this.#rules[index]!.rule, index, value, type, info.key, ctx, isRoot, info.required);
      if (applied === NOT_APPLICABLE) continue;
      return applied === REMOVED ? undefined : applied;
    }
    ctx.labels.add('REDACTED');
    return undefined;
  }

  #primitive(
    value: unknown,
    shadow: unknown,
    info: ElementInfo,
    candidates: readonly number[],
    states: StateSet,
    ctx: ResourceCtx,
    isRoot: boolean,
  ): { value?: unknown; shadow?: unknown } {
    const type = info.type;
    if (value !== undefined && value !== null && !hasPrimitiveShape(type, value)) throw failure('a primitive element has the wrong shape');
    for (const index of candidates) {
      const { rule } = this.#rules[index]!;
      const applied = this.#applyToPrimitive(rule, index, value, type, info.key, ctx, isRoot, info.required);
      if (applied === NOT_APPLICABLE) continue;
      let outShadow: unknown;
      if (rule.method === 'keep' && shadow !== null && typeof shadow === 'object') {
        // The primitive's own extensions: walked like any element (extensions need their own rule).
        const answeredBefore = ctx.answered;
        const shape = states.shape(typeInfo('Element')!);
        const r = this.#object(shadow as Record<string, unknown>, shape, candidates, undefined, ctx, false);
        outShadow = isEmptyObject(r) ? undefined : ctx.answered === answeredBefore ? r : settledObject(r, shape.type, ctx.labels);
      } else if (shadow !== undefined && shadow !== null) {
        ctx.labels.add('REDACTED');
      }
      return { value: applied === REMOVED ? undefined : applied, shadow: outShadow };
    }
    if (value !== undefined || shadow !== undefined) ctx.labels.add('REDACTED');
    return {};
  }

  #applyToPrimitive(
    rule: FhirRule,
    index: number,
    value: unknown,
    type: string,
    name: string,
    ctx: ResourceCtx,
    isRoot: boolean,
    required: boolean,
  ): unknown {
    const { identity } = this.#deps;
    switch (rule.method) {
      case 'keep':
        return value;
      case 'redact':
        ctx.labels.add('REDACTED');
        return REMOVED;
      case 'substitute':
        ctx.labels.add('MASKED');
        return rule.replaceWith === undefined || rule.replaceWith === null ? REMOVED : structuredClone(rule.replaceWith);
      case 'generalize': {
        if (value === undefined) return REMOVED;
        const compiled = this.#rules[index]!.cases!;
        let outcome;
        try {
          outcome = generalizeValue(compiled, value, type);
        } catch (cause) {
          throw new VoileError('ANONYMIZATION_FAILED', 'A generalization rule could not be evaluated', { detail: `rule ${index}`, cause });
        }
        ctx.labels.add('ABSTRED');
        if (outcome.matched) return outcome.value === undefined ? REMOVED : outcome.value;
        return rule.otherValues === 'keep' ? value : REMOVED;
      }
      case 'pseudonymize':
        if (typeof value !== 'string') return NOT_APPLICABLE;
        if (isRoot && name === 'id') {
          ctx.labels.add('PSEUDED');
          return identity.pseudonymizeId(ctx.resourceType, value);
        }
        if ((name === 'uid' || type === 'oid' || type === 'id' || value.startsWith('urn:oid:')) && DICOM_UID.test(value)) {
          // DICOM UIDs map exactly as on the DICOMweb side, so FHIR and DICOM agree; a `urn:oid:`
          // form (oid type, ImagingStudy.identifier) keeps its prefix so it stays valid.
          ctx.labels.add('PSEUDED');
          return value.startsWith('urn:oid:') ? `urn:oid:${identity.remapUid(value.slice(8))}` : identity.remapUid(value);
        }
        if (name === 'reference' || type === 'uri' || type === 'url' || type === 'canonical') {
          const rewritten = this.#referenceString(value);
          if (rewritten === undefined) return NOT_APPLICABLE;
          ctx.labels.add('PSEUDED');
          return rewritten;
        }
        return NOT_APPLICABLE;
      case 'dateshift': {
        if (!DATE_TYPES.has(type) || typeof value !== 'string') return NOT_APPLICABLE;
        ctx.labels.add('PERTURBED');
        if (ctx.patientId !== undefined) return identity.shiftDate(value, ctx.patientId);
        const outside = this.#profile.datesOutsideCompartment ?? 'redact';
        if (outside === 'keep') return value;
        if (outside === 'year') return yearOf(value) ?? REMOVED;
        return REMOVED;
      }
      case 'perturb':
        if (!NUMBER_TYPES.has(type) || typeof value !== 'number') return NOT_APPLICABLE;
        ctx.labels.add('PERTURBED');
        return perturbValue(value, rule, type, identity, index);
      case 'cryptoHash':
        if (!STRING_TYPES.has(type) || typeof value !== 'string') return NOT_APPLICABLE;
        ctx.labels.add('PSEUDED');
        return identity.cryptoHash(value);
      case 'encrypt':
        if (!STRING_TYPES.has(type) || typeof value !== 'string') return NOT_APPLICABLE;
        ctx.labels.add('MASKED');
        return identity.encrypt(value);
      case 'text': {
        if (!TEXT_TYPES.has(type) || typeof value !== 'string') return NOT_APPLICABLE;
        ctx.labels.add('MASKED');
        const job: TextJob = { value, format: type === 'markdown' ? 'markdown' : 'plain', patientId: ctx.patientId };
        const sync = this.#deps.text.deidentifySync;
        if (sync === undefined) {
          ctx.texts.push(job);
          return new PendingText(ctx.texts.length - 1, required);
        }
        // Answered at once (redaction): in place now, instead of a PendingText settled after the walk.
        const text = sync(value, textContext(job));
        ctx.answered++;
        if (typeof text === 'string' && text.length > 0) return text;
        return required ? GONE_REQUIRED : GONE;
      }
      default:
        return NOT_APPLICABLE;
    }
  }

  #narrative(out: Record<string, unknown>, ctx: ResourceCtx): void {
    if (this.#profile.narrative === 'generated') {
      out['text'] = { status: 'generated', div: NARRATIVE_DIV };
      ctx.labels.add('MASKED');
    } else {
      ctx.labels.add('REDACTED');
    }
  }

  /** Free text a hook answers asynchronously goes through it after the walk (which left a PendingText in its place). */
  #deidentifyTexts(ctx: ResourceCtx): Promise<readonly (string | undefined)[]> {
    return Promise.all(ctx.texts.map((job) => this.#deps.text.deidentify(job.value, textContext(job))));
  }
}

function textContext(job: TextJob): TextContext {
  return job.patientId === undefined ? { format: job.format } : { format: job.format, patientId: job.patientId };
}

function asAnonymizationFailure(err: unknown): VoileError {
  if (err instanceof VoileError && err.code === 'ANONYMIZATION_FAILED') return err;
  return new VoileError('ANONYMIZATION_FAILED', 'The resource could not be anonymized', { cause: err });
}

const NOT_APPLICABLE = Symbol('not-applicable');
const DICOM_UID = /^(?:urn:oid:)?[0-2](?:\.(?:0|[1-9][0-9]*))+$/;

/** JSON shape of FHIR primitives: a keep must never pass an object smuggled into a string slot. */
function hasPrimitiveShape(type: string, value: unknown): boolean {
  if (type === 'boolean') return typeof value === 'boolean';
  if (NUMBER_TYPES.has(type)) return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string';
}

function isEmptyObject(value: Record<string, unknown>): boolean {
  for (const _ in value) return false;
  return true;
}

function hasRequired(value: Record<string, unknown>, type: TypeInfo): boolean {
  for (const keys of type.requiredKeys) {
    if (!keys.some((key) => value[key] !== undefined)) return false;
  }
  return true;
}

const METHODS = new Set(['keep', 'redact', 'pseudonymize', 'dateshift', 'generalize', 'perturb', 'substitute', 'cryptoHash', 'encrypt', 'text']);

function compileRule(rule: FhirRule, index: number): CompiledRule {
  if (typeof rule.path !== 'string' || rule.path.trim() === '') throw new VoileError('PROFILE_INVALID', 'A profile rule has no path', { detail: `rule ${index}` });
  if (!METHODS.has(rule.method)) throw new VoileError('PROFILE_INVALID', 'A profile rule has an unknown method', { detail: `rule ${index}` });
  const pattern = compileSimplePath(rule.path);
  let expr: CompiledRule['expr'];
  if (!pattern) {
    try {
      expr = compileFhirPath(toStandardFhirPath(rule.path));
    } catch (cause) {
      throw new VoileError('PROFILE_INVALID', 'A profile rule path is not valid FHIRPath', { detail: `rule ${index}`, cause });
    }
  }
  let cases: CompiledCases | undefined;
  if (rule.method === 'generalize') {
    if (!rule.cases || Object.keys(rule.cases).length === 0) throw new VoileError('PROFILE_INVALID', 'A generalize rule has no cases', { detail: `rule ${index}` });
    cases = compileCases(rule);
  }
  return { index, rule, pattern, expr, exprRoot: pattern ? undefined : leadingResourceType(rule.path), cases };
}

/** Moves every state one element down (`name` of type `type`). */
function advance(states: readonly State[], name: string, type: string): State[] {
  const next: State[] = [];
  for (const s of states) {
    const steps = s.rule.pattern!.steps;
    if (s.step >= steps.length) continue;
    const step = steps[s.step]!;
    if (step.kind === 'child') {
      if (step.name === name) next.push({ rule: s.rule, step: s.step + 1 });
    } else {
      if (step.type === type) next.push({ rule: s.rule, step: s.step + 1 });
      next.push(s); // nodesByType looks at every descendant
    }
  }
  return next;
}

function ownMatches(states: readonly State[], type: string, hits: readonly number[] | undefined): number[] {
  const out: number[] = hits ? [...hits] : [];
  for (const s of states) {
    const pattern = s.rule.pattern!;
    if (s.step === pattern.steps.length && (pattern.ofType === undefined || pattern.ofType === type)) out.push(s.rule.index);
  }
  return out;
}

/** `inherited` ∪ the rules ending at `t`, for an interned `inherited`: computed once, interned too. */
function internedCandidates(t: Transition, inherited: readonly number[]): readonly number[] {
  if (t.matches.length === 0) return inherited;
  let merged = t.merged.get(inherited);
  if (merged === undefined) {
    merged = merge(inherited, t.matches);
    t.merged.set(inherited, merged);
  }
  return merged;
}

function withHits(matches: readonly number[], hits: readonly number[] | undefined): readonly number[] {
  return hits === undefined ? matches : [...matches, ...hits];
}

function merge(inherited: readonly number[], own: readonly number[]): readonly number[] {
  if (own.length === 0) return inherited;
  if (inherited.length === 0 && own.length === 1) return own;
  const all = new Set([...inherited, ...own]);
  return [...all].sort((a, b) => a - b);
}

function failure(detail: string): VoileError {
  return new VoileError('ANONYMIZATION_FAILED', 'The resource could not be anonymized', { detail });
}
