// Dockerfile → image uses: one per FROM (a stage reference carries its stage's base) and one per
// COPY --from image.
import { factsFor } from './judge-uses';
import type { ImageUse } from './image-use';
import { baseRef, type DockerfileModel } from '../dockerfile/model';

export function dockerfileUses(model: DockerfileModel): ImageUse[] {
  const windowsIntent = model.windowsHints || model.refs.some((r) => {
    const os = factsFor(r.sub.value).os;
    return os === 'windows' || /^windows/i.test(r.platform ?? '');
  });
  return model.refs.map((ref) => {
    const range = model.lines.range(ref.start, ref.end);
    const platformOs = /^\s*(windows|linux)\b/i.exec(ref.platform ?? '')?.[1]?.toLowerCase() as 'windows' | 'linux' | undefined;
    if (ref.stageRef !== undefined) {
      const stage = model.stages[ref.stageRef];
      const base = baseRef(model, stage);
      return { ref: ref.raw, sub: base.sub, range, fileKind: 'dockerfile', via: `stage ${stage.name ?? stage.index}`, inherited: true, placement: {}, windowsIntent, fixes: {} };
    }
    return {
      ref: ref.raw, sub: ref.sub, range, fileKind: 'dockerfile', pullOnly: ref.instruction === 'COPY',
      placement: platformOs ? { os: platformOs } : {}, windowsIntent, fixes: {},
      preferVariant: model.usesWindowsPowerShell ? 'windowsservercore' : undefined,
    };
  });
}
