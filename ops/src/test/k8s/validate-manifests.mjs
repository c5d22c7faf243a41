// Validates Kubernetes manifests against the Kubernetes and Prometheus Operator JSON schemas, with the model
// classes of `kubernetes-models` and `@kubernetes-models/prometheus-operator` (pinned in conformance/package.json).
// Run by K8sManifestsTest:  node validate-manifests.mjs NODE_MODULES_DIR MANIFESTS.json
// MANIFESTS.json is an array of {file, manifest} (the YAML documents as JSON). Prints one line per manifest,
// "valid FILE KIND NAME" or "invalid FILE KIND NAME: why", and exits 1 when any is invalid (2 on a bad command line).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [modules, input] = process.argv.slice(2);
if (!modules || !input) {
  console.error("usage: node validate-manifests.mjs NODE_MODULES_DIR MANIFESTS.json");
  process.exit(2);
}

// Each apiVersion to the module of its model classes (loaded by path: this script lives outside node_modules' tree).
const groups = {
  "v1": "kubernetes-models/v1/index.js",
  "apps/v1": "kubernetes-models/apps/v1/index.js",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1/index.js",
  "policy/v1": "kubernetes-models/policy/v1/index.js",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/index.js",
};

let invalid = 0;
for (const { file, manifest } of JSON.parse(readFileSync(input, "utf8"))) {
  const label = `${file} ${manifest.kind} ${manifest.metadata?.name ?? "(no name)"}`;
  const module = groups[manifest.apiVersion];
  if (!module) {
    console.log(`invalid ${label}: no schema for apiVersion ${manifest.apiVersion}`);
    invalid++;
    continue;
  }
  const models = await import(pathToFileURL(join(modules, module)).href);
  const Model = models[manifest.kind];
  if (!Model) {
    console.log(`invalid ${label}: no kind ${manifest.kind} in ${manifest.apiVersion}`);
    invalid++;
    continue;
  }
  try {
    new Model(manifest).validate();
    console.log(`valid ${label}`);
  } catch (error) {
    console.log(`invalid ${label}: ${String(error.message ?? error).replace(/\s+/g, " ")}`);
    invalid++;
  }
}
process.exit(invalid === 0 ? 0 : 1);
