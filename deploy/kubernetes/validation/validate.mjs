// Validates every object of a rendered overlay (a JSON array read from the file named on the command
// line) against the published schemas: the Kubernetes API (kubernetes-models, generated from the API's
// OpenAPI document), the Prometheus operator CRDs, and the CloudNativePG CRDs (cdk8s types generated
// from its CRD schema). Strimzi's resources are checked in Java against Strimzi's own API model.
// Prints one line per problem and exits 1 if there is any.
import { readFileSync } from 'node:fs';
import * as core from 'kubernetes-models';
import * as monitoring from '@kubernetes-models/prometheus-operator';
import { App, Chart } from 'cdk8s';
import * as cnpg from '@cdk8s-kit/crds/pg';

const objects = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const problems = [];
const skipped = new Set();

/** Every model class of a kubernetes-models package, by "apiVersion/kind". */
function index(pkg) {
  const byType = new Map();
  const visit = (value, depth) => {
    if (!value || depth > 3) return;
    if (typeof value === 'function' && value.apiVersion && value.kind) {
      byType.set(`${value.apiVersion}/${value.kind}`, value);
    } else if (typeof value === 'object') {
      for (const v of Object.values(value)) visit(v, depth + 1);
    }
  };
  visit(pkg, 0);
  return byType;
}
const models = new Map([...index(core), ...index(monitoring)]);

/** Paths present in the input but dropped by the CRD-derived mapping: fields the schema does not know. */
function unknownFields(input, output, path) {
  if (Array.isArray(input)) {
    return input.flatMap((v, i) => unknownFields(v, output?.[i], `${path}[${i}]`));
  }
  if (input && typeof input === 'object') {
    return Object.entries(input).flatMap(([k, v]) =>
      output === undefined || output === null || !(k in output) ? [`${path}.${k}`] : unknownFields(v, output[k], `${path}.${k}`));
  }
  return [];
}

const app = new App();
const chart = new Chart(app, 'validation');
let n = 0;
for (const object of objects) {
  const type = `${object.apiVersion}/${object.kind}`;
  const where = `${object.kind} ${object.metadata?.name}`;
  if (object.apiVersion === 'postgresql.cnpg.io/v1') {
    const Model = cnpg[object.kind];
    if (!Model) { problems.push(`${where}: no CloudNativePG kind ${object.kind}`); continue; }
    const rendered = new Model(chart, `o${n++}`, { metadata: object.metadata, spec: object.spec }).toJson();
    for (const field of unknownFields(object.spec, rendered.spec, 'spec')) {
      problems.push(`${where}: ${field} is not in the CloudNativePG schema`);
    }
    continue;
  }
  if (object.apiVersion.startsWith('kafka.strimzi.io/')) { skipped.add(type); continue; }
  const Model = models.get(type);
  if (!Model) { problems.push(`${where}: no schema for ${type}`); continue; }
  try {
    new Model(object).validate();
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
}
problems.forEach(p => console.log(p));
console.log(`validated ${objects.length - [...objects].filter(o => skipped.has(`${o.apiVersion}/${o.kind}`)).length} objects, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
