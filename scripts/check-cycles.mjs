#!/usr/bin/env node
// Import cycles in src (or the folders given), type-only imports included: `import type`,
// `export … from`, dynamic `import()` and `require()` all count. Modules are resolved as
// TypeScript resolves them. Prints each cycle and exits 1 if there is any.
// Usage: node scripts/check-cycles.mjs [--json] [DIR…]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts)$/;

function sourceFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...sourceFiles(p));
    } else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file names, type-only ones included. */
function specifiers(file) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require'))
        found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The import graph of `roots` (absolute file → absolute files it imports inside the roots). */
export function importGraph(roots, cwd = process.cwd()) {
  const options = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowJs: true,
    jsx: ts.JsxEmit.ReactJSX,
  };
  const files = roots.flatMap((r) => sourceFiles(path.resolve(cwd, r)));
  const inside = new Set(files);
  const graph = new Map();
  for (const f of files) {
    const deps = new Set();
    for (const s of specifiers(f)) {
      const r = ts.resolveModuleName(s, f, options, ts.sys).resolvedModule;
      if (r && !r.isExternalLibraryImport && inside.has(path.resolve(r.resolvedFileName))) deps.add(path.resolve(r.resolvedFileName));
    }
    graph.set(f, [...deps]);
  }
  return graph;
}

/** Strongly connected components with more than one module (or a module importing itself). */
export function cycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out;
}

/** One shortest loop through a component's first module, for the message. */
export function loopThrough(graph, comp) {
  const inComp = new Set(comp);
  const start = comp[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const loop = [start];
        for (let x = v; x !== start; x = prev.get(x)) loop.splice(1, 0, x);
        return [...loop, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return comp;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const roots = args.filter((a) => a !== '--json');
  const graph = importGraph(roots.length ? roots : ['src']);
  const rel = (f) => path.relative(process.cwd(), f);
  const found = cycles(graph).map((c) => ({ modules: c.map(rel), loop: loopThrough(graph, c).map(rel) }));
  if (json) process.stdout.write(`${JSON.stringify({ modules: graph.size, cycles: found })}\n`);
  else {
    for (const c of found) process.stdout.write(`cycle among ${c.modules.length} modules, e.g. ${c.loop.join(' → ')}\n`);
    process.stdout.write(`${graph.size} modules, ${found.length} import cycle${found.length === 1 ? '' : 's'} (type imports included)\n`);
  }
  process.exit(found.length ? 1 : 0);
}
