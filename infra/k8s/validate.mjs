// Offline check of the Kubernetes manifests: renders each kustomize tree (the subset of kustomize used here) and
// checks every object against the Kubernetes OpenAPI schema (kubernetes-models, plus unknown fields through its
// type declarations), the CloudNativePG Cluster against schemas/cnpg-cluster.schema.json, and the deployment rules
// of this project (probes on /q/health, resource requests, HPA and PDB per Deployment, secrets by reference only,
// every variable the services need). Exits 1 on the first tree with a finding.
//
// Usage: node validate.mjs [dir ...]      (default: base and overlays/production)
//        node validate.mjs --self-test    (each tree under test/ must fail with the message in its `expect` file)
//        node validate.mjs --render DIR   (print the rendered YAML)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv from 'ajv';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- kustomize (the subset these files use)

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PersistentVolume', 'StorageClass', 'PriorityClass', 'IngressClass']);
const KNOWN_KUSTOMIZE_KEYS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'replicas',
  'patches']);

function readYamlDocs(file) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
  for (const d of docs) {
    if (d.errors.length) throw new Error(`${file}: YAML error: ${d.errors[0].message}`);
  }
  return docs.map((d) => d.toJS()).filter((o) => o != null);
}

export function render(dir) {
  const kfile = path.join(dir, 'kustomization.yaml');
  if (!fs.existsSync(kfile)) throw new Error(`${dir}: no kustomization.yaml`);
  const k = readYamlDocs(kfile)[0];
  for (const key of Object.keys(k)) {
    if (!KNOWN_KUSTOMIZE_KEYS.has(key)) throw new Error(`${kfile}: unsupported kustomization field '${key}'`);
  }
  let objects = [];
  for (const r of k.resources ?? []) {
    const p = path.resolve(dir, r);
    if (!fs.existsSync(p)) throw new Error(`${kfile}: resource ${r} not found`);
    objects.push(...(fs.statSync(p).isDirectory() ? render(p) : readYamlDocs(p)));
  }
  for (const patch of k.patches ?? []) applyPatch(objects, patch, dir, kfile);
  if (k.namespace) {
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) (o.metadata ??= {}).namespace = k.namespace;
  }
  for (const l of k.labels ?? []) {
    if (l.includeSelectors) throw new Error(`${kfile}: labels.includeSelectors is not supported here`);
    for (const o of objects) {
      Object.assign((o.metadata ??= {}).labels ??= {}, l.pairs);
      const tpl = o.spec?.template;
      if (l.includeTemplates && tpl) Object.assign((tpl.metadata ??= {}).labels ??= {}, l.pairs);
      if (l.includeTemplates) for (const v of o.spec?.volumeClaimTemplates ?? []) Object.assign((v.metadata ??= {}).labels ??= {}, l.pairs);
    }
  }
  for (const img of k.images ?? []) {
    for (const o of objects) {
      for (const c of containersOf(o)) {
        const m = /^([^@:]+(?::\d+\/[^@:]+)?)(?::([^@]+))?(?:@(.+))?$/.exec(c.image ?? '');
        if (!m || m[1] !== img.name) continue;
        const tag = img.digest ? `@${img.digest}` : img.newTag ? `:${img.newTag}` : m[2] ? `:${m[2]}` : '';
        c.image = (img.newName ?? m[1]) + tag;
      }
    }
  }
  for (const r of k.replicas ?? []) {
    const hits = objects.filter((o) => o.metadata?.name === r.name && o.spec && 'replicas' in o.spec);
    if (!hits.length) throw new Error(`${kfile}: replicas: no workload named ${r.name}`);
    for (const o of hits) o.spec.replicas = r.count;
  }
  return objects;
}

function containersOf(o) {
  const pod = podSpecOf(o);
  return pod ? [...(pod.containers ?? []), ...(pod.initContainers ?? [])] : [];
}

function podSpecOf(o) {
  if (o.kind === 'Pod') return o.spec;
  if (o.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}

function groupOf(apiVersion) {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

function applyPatch(objects, patch, dir, kfile) {
  let body = patch.patch;
  if (patch.path) body = fs.readFileSync(path.resolve(dir, patch.path), 'utf8');
  if (body == null) throw new Error(`${kfile}: patch without path or patch`);
  const docs = YAML.parseAllDocuments(body).map((d) => d.toJS()).filter((d) => d != null);
  if (Array.isArray(docs[0])) { // JSON 6902: needs a target
    const t = patch.target ?? {};
    const hits = objects.filter((o) => (!t.kind || o.kind === t.kind) && (!t.name || o.metadata?.name === t.name)
      && (t.group === undefined || groupOf(o.apiVersion) === t.group));
    if (!hits.length) throw new Error(`${kfile}: patch target ${JSON.stringify(t)} matches nothing`);
    for (const o of hits) for (const op of docs[0]) jsonPatch(o, op, kfile);
    return;
  }
  for (const p of docs) { // strategic merge: the patch names its target
    const hits = objects.filter((o) => o.kind === p.kind && o.metadata?.name === p.metadata?.name);
    if (!hits.length) throw new Error(`${kfile}: patch for ${p.kind}/${p.metadata?.name} matches nothing`);
    for (const o of hits) strategicMerge(o, p);
  }
}

function jsonPatch(obj, op, kfile) {
  const keys = op.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop();
  let parent = obj;
  for (const key of keys) {
    parent = parent?.[Array.isArray(parent) ? Number(key) : key];
    if (parent == null) throw new Error(`${kfile}: patch path ${op.path} does not exist`);
  }
  if (op.op === 'remove') {
    if (!(last in parent)) throw new Error(`${kfile}: patch path ${op.path} does not exist`);
    if (Array.isArray(parent)) parent.splice(Number(last), 1); else delete parent[last];
  } else if (op.op === 'replace') {
    if (!(last in parent)) throw new Error(`${kfile}: patch path ${op.path} does not exist`);
    parent[last] = op.value;
  } else if (op.op === 'add') {
    if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, op.value);
    else parent[last] = op.value;
  } else {
    throw new Error(`${kfile}: unsupported patch op ${op.op}`);
  }
}

// Merge keys of the Kubernetes API lists used here; other lists are replaced, as in kustomize.
const MERGE_KEYS = { containers: 'name', initContainers: 'name', env: 'name', volumes: 'name', volumeMounts: 'mountPath',
  imagePullSecrets: 'name' };

function strategicMerge(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) { delete target[key]; continue; }
    const current = target[key];
    if (Array.isArray(value) && Array.isArray(current) && MERGE_KEYS[key]) {
      const mk = MERGE_KEYS[key];
      for (const item of value) {
        const same = current.find((c) => c[mk] === item[mk]);
        if (same) strategicMerge(same, item); else current.push(item);
      }
    } else if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
      && !Array.isArray(current)) {
      strategicMerge(current, value);
    } else {
      target[key] = structuredClone(value);
    }
  }
}

// ---------------------------------------------------------------- schema checks

const modelsRoot = path.dirname(require.resolve('kubernetes-models/package.json'));
const machineryRoot = path.dirname(require.resolve('@kubernetes-models/apimachinery/package.json'));

function modelFile(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return path.join(modelsRoot, group || '', version, `${kind}.js`);
}

// Field names of one model, read from its TypeScript declaration (the compiled JSON-schema validators allow any
// extra field, so a misspelt `readinesProbe` would otherwise pass): field -> declaration file of its type, or null.
const declCache = new Map();
function fieldsOf(dts) {
  if (declCache.has(dts)) return declCache.get(dts);
  const text = fs.readFileSync(dts, 'utf8');
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    let target = m[2].startsWith('.') ? path.resolve(path.dirname(dts), m[2])
      : m[2].replace('@kubernetes-models/apimachinery', machineryRoot);
    target = target.replace(/\.js$/, '') + '.d.ts';
    if (fs.existsSync(target)) imports.set(m[1], target);
  }
  const body = text.slice(text.indexOf('export interface'), text.indexOf('export declare class'));
  const fields = new Map();
  for (const m of body.matchAll(/^ {4}"([^"]+)"\??: (.+?);?$/gm)) {
    const type = m[2].replace(/^Array<(.+)>$/, '$1');
    fields.set(m[1], imports.get(type) ?? null);
  }
  declCache.set(dts, fields);
  return fields;
}

function unknownFields(value, dts, at, out) {
  if (value == null || typeof value !== 'object') return;
  if (Array.isArray(value)) { value.forEach((v, i) => unknownFields(v, dts, `${at}[${i}]`, out)); return; }
  const fields = fieldsOf(dts);
  for (const [key, v] of Object.entries(value)) {
    if (!fields.has(key)) { out.push(`unknown field ${at ? at + '.' : ''}${key}`); continue; }
    if (fields.get(key)) unknownFields(v, fields.get(key), at ? `${at}.${key}` : key, out);
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
const crdSchemas = new Map([
  ['postgresql.cnpg.io/v1/Cluster', ajv.compile(JSON.parse(fs.readFileSync(path.join(here, 'schemas', 'cnpg-cluster.schema.json'), 'utf8')))],
]);

async function schemaFindings(o) {
  const id = `${o.kind}/${o.metadata?.name}`;
  if (!o.apiVersion || !o.kind) return [`${id}: apiVersion and kind are required`];
  const crd = crdSchemas.get(`${o.apiVersion}/${o.kind}`);
  if (crd) {
    return crd(o) ? [] : crd.errors.map((e) => `${id}: ${e.instancePath || '/'} ${e.message}`
      + (e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''));
  }
  const file = modelFile(o.apiVersion, o.kind);
  if (!fs.existsSync(file)) return [`${id}: unknown apiVersion/kind ${o.apiVersion} ${o.kind} (no schema)`];
  const Model = (await import(file))[o.kind];
  const findings = [];
  try {
    new Model(o).validate();
  } catch (e) {
    findings.push(`${id}: ${e.message}`);
  }
  const unknown = [];
  unknownFields(o, file.replace(/\.js$/, '.d.ts'), '', unknown);
  return findings.concat(unknown.map((u) => `${id}: ${u}`));
}

// ---------------------------------------------------------------- project rules

const SECRET_NAME = /PASSWORD|SECRET|_KEY$|ACCESS_KEY|PRIVATE/;
// Variables each service reads (backend/application.properties, miniprogram-api/application.properties).
const REQUIRED_ENV = {
  backend: ['PG_HOST', 'PG_PORT', 'PG_DB', 'PG_USER', 'PG_PASSWORD', 'PG_APP_USER', 'PG_APP_PASSWORD',
    'OIDC_AUTH_SERVER_URL', 'S3_URL', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'ASSISTANCE_PERSONAL_DATA_ENCRYPTION_KEY',
    'ASSISTANCE_PERSONAL_DATA_HMAC_KEY', 'MINIPROGRAM_URL', 'MINIPROGRAM_TOKEN_ISSUER', 'TRUSTED_PROXIES',
    'MINIPROGRAM_INTERNAL_SECRET'],
  'miniprogram-api': ['BACKEND_URL', 'PLATFORM_BASE_URL', 'PLATFORM_APP_ID', 'PLATFORM_APP_SECRET',
    'ASSISTANCE_TOKEN_ISSUER', 'ASSISTANCE_TOKEN_SUBJECT_KEY', 'ASSISTANCE_TOKEN_SIGNING_KEY_LOCATION',
    'MINIPROGRAM_INTERNAL_SECRET'],
};

function matches(selector, labels) {
  return selector && Object.keys(selector).length > 0
    && Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function ruleFindings(objects) {
  const out = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const configMaps = new Map(byKind('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));
  const workloads = objects.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind));
  const secretsUsed = new Set();

  for (const s of byKind('Secret')) {
    if (s.data || s.stringData) out.push(`Secret/${s.metadata.name}: secret values must not be in the manifests; reference a Secret created outside them`);
  }
  for (const [name, data] of configMaps) {
    for (const key of Object.keys(data)) {
      if (SECRET_NAME.test(key)) out.push(`ConfigMap/${name}: ${key} looks like a secret; use a Secret and secretKeyRef`);
    }
  }
  for (const w of workloads) {
    const id = `${w.kind}/${w.metadata.name}`;
    const pod = podSpecOf(w) ?? {};
    const podLabels = w.spec?.template?.metadata?.labels;
    if (!matches(w.spec?.selector?.matchLabels, podLabels)) out.push(`${id}: selector does not match the pod labels`);
    for (const v of pod.volumes ?? []) if (v.secret) secretsUsed.add(v.secret.secretName);
    for (const c of pod.containers ?? []) {
      const cid = `${id} container ${c.name}`;
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) out.push(`${cid}: resources.requests.cpu and .memory are required`);
      if (!c.readinessProbe || !c.livenessProbe) out.push(`${cid}: readinessProbe and livenessProbe are required`);
      const portNames = new Set((c.ports ?? []).map((p) => p.name));
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
        const port = probe?.httpGet?.port;
        if (typeof port === 'string' && !portNames.has(port)) out.push(`${cid}: probe port ${port} is not a named port`);
      }
      const env = new Map();
      for (const e of c.env ?? []) {
        env.set(e.name, e);
        if (SECRET_NAME.test(e.name) && !e.valueFrom?.secretKeyRef) out.push(`${cid}: ${e.name} must come from a secretKeyRef, not a literal value`);
        if (e.valueFrom?.secretKeyRef) secretsUsed.add(e.valueFrom.secretKeyRef.name);
        const ref = e.valueFrom?.configMapKeyRef;
        if (ref && !(configMaps.get(ref.name) && ref.key in configMaps.get(ref.name))) out.push(`${cid}: ${e.name} refers to missing ConfigMap key ${ref.name}/${ref.key}`);
      }
      for (const from of c.envFrom ?? []) {
        if (from.secretRef) out.push(`${cid}: envFrom secretRef hides which variables are secret; use secretKeyRef per variable`);
        if (from.configMapRef) {
          const data = configMaps.get(from.configMapRef.name);
          if (!data) out.push(`${cid}: envFrom refers to missing ConfigMap ${from.configMapRef.name}`);
          for (const key of Object.keys(data ?? {})) if (!env.has(key)) env.set(key, {});
        }
      }
      for (const name of REQUIRED_ENV[c.name] ?? []) if (!env.has(name)) out.push(`${cid}: ${name} is not set`);
      if (REQUIRED_ENV[c.name]) {
        for (const [kind, probe] of [['readiness', c.readinessProbe], ['liveness', c.livenessProbe]]) {
          if (!probe?.httpGet?.path?.startsWith('/q/health')) out.push(`${cid}: ${kind} probe must be an httpGet on /q/health`);
        }
      }
    }
    const pdb = byKind('PodDisruptionBudget').find((p) => matches(p.spec?.selector?.matchLabels, podLabels));
    if (!pdb) out.push(`${id}: no PodDisruptionBudget selects its pods`);
    if (w.kind === 'Deployment' && !byKind('HorizontalPodAutoscaler').some((h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === w.metadata.name)) {
      out.push(`${id}: no HorizontalPodAutoscaler scales it`);
    }
  }
  for (const h of byKind('HorizontalPodAutoscaler')) {
    const t = h.spec?.scaleTargetRef ?? {};
    if (!objects.some((o) => o.kind === t.kind && o.metadata?.name === t.name)) out.push(`HorizontalPodAutoscaler/${h.metadata.name}: target ${t.kind}/${t.name} does not exist`);
  }
  for (const s of byKind('Service')) {
    const target = workloads.find((w) => matches(s.spec?.selector, w.spec?.template?.metadata?.labels));
    if (!target) { out.push(`Service/${s.metadata.name}: selector matches no pods`); continue; }
    const names = new Set(containersOf(target).flatMap((c) => (c.ports ?? []).map((p) => p.name)));
    for (const p of s.spec.ports ?? []) {
      if (typeof p.targetPort === 'string' && !names.has(p.targetPort)) out.push(`Service/${s.metadata.name}: targetPort ${p.targetPort} is not a port of ${target.metadata.name}`);
    }
  }
  for (const c of objects.filter((o) => o.kind === 'Cluster' && groupOf(o.apiVersion) === 'postgresql.cnpg.io')) {
    if ((c.spec?.instances ?? 0) < 2) out.push(`Cluster/${c.metadata.name}: needs a primary and at least one streaming replica (instances >= 2)`);
    const s = c.spec?.bootstrap?.initdb?.secret?.name;
    if (s) secretsUsed.add(s);
    for (const r of c.spec?.managed?.roles ?? []) if (r.passwordSecret) secretsUsed.add(r.passwordSecret.name);
  }
  for (const i of byKind('Ingress')) {
    for (const r of i.spec?.rules ?? []) for (const p of r.http?.paths ?? []) {
      const name = p.backend?.service?.name;
      if (name && !byKind('Service').some((s) => s.metadata.name === name)) out.push(`Ingress/${i.metadata.name}: service ${name} does not exist`);
    }
    for (const t of i.spec?.tls ?? []) secretsUsed.add(t.secretName);
  }
  const names = new Set();
  for (const o of objects) {
    const key = `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
    if (names.has(key)) out.push(`${o.kind}/${o.metadata?.name}: defined twice`);
    names.add(key);
  }
  return { findings: out, secretsUsed: [...secretsUsed].sort() };
}

export async function check(dir) {
  const objects = render(dir);
  const findings = [];
  for (const o of objects) findings.push(...await schemaFindings(o));
  const rules = ruleFindings(objects);
  return { objects, findings: findings.concat(rules.findings), secretsUsed: rules.secretsUsed };
}

// ---------------------------------------------------------------- command line

async function main(args) {
  if (args[0] === '--render') {
    process.stdout.write(render(path.resolve(args[1])).map((o) => YAML.stringify(o)).join('---\n'));
    return 0;
  }
  if (args[0] === '--self-test') {
    let passed = 0, failed = 0;
    const root = path.join(here, 'test');
    for (const name of fs.readdirSync(root).sort()) {
      const dir = path.join(root, name);
      const expect = fs.readFileSync(path.join(dir, 'expect'), 'utf8').trim();
      let messages;
      try {
        messages = (await check(dir)).findings;
      } catch (e) {
        messages = [e.message];
      }
      const hit = messages.some((m) => m.includes(expect));
      if (hit) passed++; else failed++;
      console.log(`${hit ? 'ok  ' : 'FAIL'} test/${name} is refused: ${hit ? expect : `expected "${expect}", got ${JSON.stringify(messages)}`}`);
    }
    console.log(`k8s validator self-test: ${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  }
  const dirs = args.length ? args : ['base', 'overlays/production'];
  let bad = 0;
  for (const d of dirs) {
    const dir = path.resolve(here, d);
    let result;
    try {
      result = await check(dir);
    } catch (e) {
      console.log(`FAIL ${d}: ${e.message}`);
      bad++;
      continue;
    }
    if (result.findings.length) {
      bad++;
      console.log(`FAIL ${d}: ${result.findings.length} finding(s)`);
      for (const f of result.findings) console.log(`  - ${f}`);
    } else {
      console.log(`ok   ${d}: ${result.objects.length} objects valid; secrets referenced: ${result.secretsUsed.join(', ')}`);
    }
  }
  return bad ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
