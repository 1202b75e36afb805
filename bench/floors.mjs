// The two floors the workspace check is compared with, each as a whole process:
//   node bench/floors.mjs read DIR   walk and read every file
//   node bench/floors.mjs parse DIR  walk, read, and parse every candidate file naively
//                                    (dockerfile-ast for Dockerfiles, yaml for YAML), one process
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [mode, root] = process.argv.slice(2);
// the read floor loads no parser: its time is the walk and the reads alone
const { DockerfileParser } = mode === 'parse' ? require('dockerfile-ast') : {};
const YAML = mode === 'parse' ? require('yaml') : undefined;
const DOCKERFILE = /^(?:dockerfile|containerfile)(?:[.-].*)?$|\.dockerfile$/i;
let files = 0, bytes = 0, parsed = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '.git' || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) { walk(full); continue; }
    const text = fs.readFileSync(full, 'utf8');
    files++; bytes += text.length;
    if (mode !== 'parse') continue;
    if (DOCKERFILE.test(e.name)) { DockerfileParser.parse(text).getFROMs(); parsed++; }
    else if (/\.ya?ml$/i.test(e.name)) { YAML.parseAllDocuments(text); parsed++; }
  }
})(root);
process.stderr.write(`${mode}: ${files} files, ${(bytes / 1048576).toFixed(1)} MB, ${parsed} parsed\n`);
