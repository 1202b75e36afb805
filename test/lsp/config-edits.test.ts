// wincompat/importTargets and wincompat/setTargets: the server halves of the VS Code commands
// "Import Targets…" and "Set Target Host…". They answer the new `.wincompat.yaml` text (the
// client writes it): other keys and comments kept, the editor's unsaved text as the base, and a
// clear message for bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IMPORT_TARGETS_REQUEST, SET_TARGETS_REQUEST, type ImportTargetsParams, type ImportTargetsResult, type SetTargetsParams, type SetTargetsResult } from '../../server/src/shared/protocol';
import { REPO, startClient } from './helper';

const inventory = (name: string) => ({ source: name, base64: fs.readFileSync(path.join(REPO, 'test/fixtures/inventory', name)).toString('base64') });

test('an inventory becomes targets in the configuration text; comments and other keys stay', async () => {
  const c = await startClient({ files: { '.wincompat.yaml': '# our hosts\nseverities:\n  release-support-ending: off  # noisy\n' } });
  try {
    const r = await c.conn.sendRequest(IMPORT_TARGETS_REQUEST, { inventories: [inventory('docker-info-ws2019.json')], configUri: c.uri('.wincompat.yaml') } satisfies ImportTargetsParams) as ImportTargetsResult;
    assert.equal(r.ok, true, r.message);
    assert.match(r.message, /^Imported 1 node pool into \.wincompat\.yaml:/);
    assert.match(r.config!, /^# our hosts\nseverities:\n  release-support-ending: off +# noisy\n/);
    assert.match(r.config!, /host: 10\.0\.17763/);
    assert.equal(fs.readFileSync(path.join(c.root, '.wincompat.yaml'), 'utf8'), '# our hosts\nseverities:\n  release-support-ending: off  # noisy\n', 'the server writes nothing itself');
  } finally { await c.shutdown(); }
});

test('an open configuration with unsaved edits is the base; UTF-16 inventories are read; bad input says why', async () => {
  const c = await startClient({ files: { '.wincompat.yaml': 'targets: [ltsc2022]\n' } });
  try {
    const uri = c.open('.wincompat.yaml', 'swarmBuildLabel: OsVersion\ntargets: [ltsc2022]\n', 'yaml');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(path.join(REPO, 'test/fixtures/inventory/computerinfo-ws2019.txt'), 'utf8'), 'utf16le')]);
    const r = await c.conn.sendRequest(IMPORT_TARGETS_REQUEST, { inventories: [{ source: 'host.txt', base64: utf16.toString('base64') }], configUri: uri } satisfies ImportTargetsParams) as ImportTargetsResult;
    assert.equal(r.ok, true, r.message);
    assert.match(r.config!, /^swarmBuildLabel: OsVersion\n/, 'the unsaved text, not the file on disk');
    assert.match(r.config!, /- ltsc2022/);
    assert.match(r.config!, /host: 10\.0\.17763/);
    const bad = await c.conn.sendRequest(IMPORT_TARGETS_REQUEST, { inventories: [{ source: 'notes.txt', base64: Buffer.from('hello').toString('base64') }], configUri: uri } satisfies ImportTargetsParams) as ImportTargetsResult;
    assert.equal(bad.ok, false);
    assert.equal(bad.config, undefined);
    assert.match(bad.message, /notes\.txt/);
  } finally { await c.shutdown(); }
});

test('setTargets replaces the targets and keeps the rest; a configuration that does not parse is left alone, with the reason', async () => {
  const c = await startClient({ files: { '.wincompat.yaml': '# hosts of the build farm\ntargets:\n  - ltsc2019  # old\nswarmBuildLabel: OsVersion\n', 'broken/.wincompat.yaml': 'targets: [ltsc2019\n' } });
  try {
    const r = await c.conn.sendRequest(SET_TARGETS_REQUEST, { configUri: c.uri('.wincompat.yaml'), targets: [{ host: 'ltsc2025', isolation: 'hyperv' }] } satisfies SetTargetsParams) as SetTargetsResult;
    assert.equal(r.ok, true, r.message);
    assert.equal(r.config, '# hosts of the build farm\ntargets:\n  - host: ltsc2025\n    isolation: hyperv\nswarmBuildLabel: OsVersion\n');
    const bad = await c.conn.sendRequest(SET_TARGETS_REQUEST, { configUri: c.uri('broken/.wincompat.yaml'), targets: [{ host: 'ltsc2022' }] } satisfies SetTargetsParams) as SetTargetsResult;
    assert.equal(bad.ok, false);
    assert.match(bad.message, /cannot update \.wincompat\.yaml: it is not valid YAML/);
  } finally { await c.shutdown(); }
});
