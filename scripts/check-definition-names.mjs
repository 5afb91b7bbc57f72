#!/usr/bin/env node
// Checks every resource-definitions/*.json (except schema.json) against the v3 package it
// names: each operation needs a `<Op>Command` export, each waiter a `waitUntil<Name>`
// export, each shape an exported type in the package's dist-types, and a collection that
// relies on a v3 paginator (paging without inputTokens) a `paginate<Op>` export. It also
// checks the names inside the definition: resource types that are declared, identifier
// names that exist, and produced-resource identifier targets that match the target
// resource's identifiers. Prints every problem and exits 1 when there is any.
//
// Usage: node scripts/check-definition-names.mjs [definition.json ...]

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const definitionsDir = join(root, 'resource-definitions');
const require = createRequire(join(root, 'package.json'));

const files =
  process.argv.length > 2
    ? process.argv.slice(2).map((f) => resolve(f))
    : readdirSync(definitionsDir)
        .filter((f) => f.endsWith('.json') && f !== 'schema.json')
        .sort()
        .map((f) => join(definitionsDir, f));

const problems = [];

/** The directory of an installed package (its package.json may not be exported). */
function packageDir(name) {
  const entry = require.resolve(name);
  let dir = dirname(entry);
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj)) {
      try {
        if (JSON.parse(readFileSync(pj, 'utf8')).name === name) return dir;
      } catch {
        // not a package.json we can read: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the directory of ${name}`);
    dir = parent;
  }
}

function listDts(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) listDts(p, out);
    else if (entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every type name exported by the package's declaration files. */
function exportedTypeNames(dir) {
  const typesDir = existsSync(join(dir, 'dist-types')) ? join(dir, 'dist-types') : dir;
  const names = new Set();
  const re =
    /^export\s+(?:declare\s+)?(?:interface|type|class|abstract\s+class|enum|const\s+enum)\s+([A-Za-z_$][\w$]*)/gm;
  for (const file of listDts(typesDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) names.add(m[1]);
  }
  return names;
}

for (const file of files) {
  const label = basename(file);
  const report = (where, message) => problems.push(`${label}: ${where}: ${message}`);
  let def;
  try {
    def = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    report('file', `cannot read: ${err.message}`);
    continue;
  }
  const service = def.service ?? {};
  const resources = def.resources ?? {};
  let mod;
  let types;
  try {
    mod = require(service.package);
    types = exportedTypeNames(packageDir(service.package));
  } catch (err) {
    report('service.package', `cannot load ${JSON.stringify(service.package)}: ${err.message}`);
    continue;
  }
  if (typeof mod[service.client] !== 'function') {
    report('service.client', `${service.package} exports no ${service.client}`);
  }

  const identifierNames = (type) => (resources[type]?.identifiers ?? []).map((i) => i.name);

  const checkParams = (where, params, ownIdentifiers) => {
    for (const p of params ?? []) {
      if (p.source === 'identifier' && !ownIdentifiers.includes(p.name)) {
        report(where, `param ${p.target}: no identifier named ${p.name}`);
      }
    }
  };

  const checkRequest = (where, request, ownIdentifiers) => {
    if (!request) return;
    const op = request.operation;
    if (typeof mod[`${op}Command`] !== 'function') {
      report(where, `operation ${op}: ${service.package} exports no ${op}Command`);
    }
    checkParams(where, request.params, ownIdentifiers);
  };

  const checkTarget = (where, target, ownIdentifiers) => {
    if (!target) return;
    if (!resources[target.type]) {
      report(where, `resource type ${target.type} is not declared`);
      return;
    }
    const wanted = identifierNames(target.type);
    const given = (target.identifiers ?? []).map((i) => i.target);
    if (wanted.join(',') !== given.join(',')) {
      report(where, `identifiers [${given}] do not match ${target.type}'s [${wanted}]`);
    }
    for (const i of target.identifiers ?? []) {
      if (i.source === 'identifier' && !ownIdentifiers.includes(i.name)) {
        report(where, `identifier ${i.target}: no identifier named ${i.name}`);
      }
    }
  };

  const checkContainer = (prefix, c, ownIdentifiers) => {
    for (const [name, a] of Object.entries(c.actions ?? {})) {
      checkRequest(`${prefix}.actions.${name}`, a.request, ownIdentifiers);
      checkTarget(`${prefix}.actions.${name}.resource`, a.resource, ownIdentifiers);
    }
    for (const [name, h] of Object.entries(c.has ?? {})) {
      checkTarget(`${prefix}.has.${name}.resource`, h.resource, ownIdentifiers);
    }
    for (const [name, h] of Object.entries(c.hasMany ?? {})) {
      const where = `${prefix}.hasMany.${name}`;
      checkRequest(where, h.request, ownIdentifiers);
      checkTarget(`${where}.resource`, h.resource, ownIdentifiers);
      const op = h.request?.operation;
      if (h.paging && !h.paging.inputTokens && typeof mod[`paginate${op}`] !== 'function') {
        report(
          where,
          `paging without inputTokens, but ${service.package} exports no paginate${op}`,
        );
      }
    }
  };

  checkContainer('service', service, []);
  for (const [rname, r] of Object.entries(resources)) {
    const prefix = `resources.${rname}`;
    const own = identifierNames(rname);
    if (r.shape && !types.has(r.shape)) {
      report(`${prefix}.shape`, `${service.package} exports no type ${r.shape}`);
    }
    checkRequest(`${prefix}.load`, r.load?.request, own);
    checkRequest(`${prefix}.exists`, r.exists?.request, own);
    for (const [name, b] of Object.entries(r.batchActions ?? {})) {
      checkRequest(`${prefix}.batchActions.${name}`, b.request, own);
    }
    for (const [name, w] of Object.entries(r.waiters ?? {})) {
      if (typeof mod[`waitUntil${w.waiterName}`] !== 'function') {
        report(
          `${prefix}.waiters.${name}`,
          `${service.package} exports no waitUntil${w.waiterName}`,
        );
      }
      checkParams(`${prefix}.waiters.${name}`, w.params, own);
    }
    checkContainer(prefix, r, own);
  }
}

if (problems.length) {
  for (const p of problems) console.error(p);
  console.error(`${problems.length} problem(s) in ${files.length} definition(s)`);
  process.exit(1);
}
console.log(`definition names OK (${files.map((f) => basename(f)).join(', ')})`);
