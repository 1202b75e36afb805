import { imageLabel, type Rule } from '../rule';

export const unconfirmedCompatibility: Rule = {
  id: 'unconfirmed-compatibility',
  severity: 'information',
  summary: 'Runs on the host only by a rule Microsoft calls a preview, or that is not confirmed.',
  description: 'Some cross-build combinations rest on facts the reference marks unconfirmed or that Microsoft describes as a preview (Windows Server 2022 images on Windows 11; Windows Server 2022 images on hosts newer than 2025; builds known only from press coverage). wincompat lets them pass and says so.',
  fixes: [],
  checkImage(ctx) {
    const js = ctx.judgements.filter((j) => !j.fails && j.caveat);
    if (!js.length) return [];
    return [{ message: `${imageLabel(ctx)} on ${js.map((j) => j.target.name).join(', ')}: ${[...new Set(js.map((j) => j.caveat!.replace(/\.$/, '')))].join('; ')}.` }];
  },
};
