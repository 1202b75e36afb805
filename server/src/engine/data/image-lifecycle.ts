// Images whose support differs from the host release of their build (LIFE@33c26725, LIFE@2b552f58):
// the Nano Server 2016 image was a Semi-Annual Channel image and left support long before
// Windows Server 2016 did. Keyed by the tag token that names the image.
import type { Confidence } from './schema';

export interface ImageLifecycle { token: string; name: string; supportEnd: string; confidence: Confidence; sources: string[] }

export const IMAGE_LIFECYCLES: readonly ImageLifecycle[] = [
  { token: 'sac2016', name: 'Nano Server 2016 (Semi-Annual Channel image)', supportEnd: '2018-10-09', confidence: 'confirmed', sources: ['LIFE'] },
];
