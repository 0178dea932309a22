// Paints the sample photo: a sunset over hills and a lake, drawn pixel by pixel so it needs no image files or
// libraries beyond the JPEG encoder the tests already use. Deterministic: the same size gives the same pixels.
import jpeg from 'jpeg-js';

type Rgb = [number, number, number];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const clamp01 = (v: number) => Math.max(0, Math.min(1, v));
const smooth = (edge0: number, edge1: number, v: number) => {
  const t = clamp01((v - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
};

const SKY_TOP: Rgb = [38, 62, 128];
const SKY_MID: Rgb = [226, 128, 104];
const SKY_HORIZON: Rgb = [255, 206, 140];
const SUN: Rgb = [255, 244, 214];
// Far to near: each range of hills darker and more saturated than the one behind it.
const HILLS: { color: Rgb; base: number; waves: [number, number, number][] }[] = [
  { color: [150, 110, 140], base: 0.5, waves: [[0.05, 2.1, 0.3], [0.02, 5.3, 1.7], [0.008, 13.0, 0.4]] },
  { color: [92, 74, 112], base: 0.56, waves: [[0.045, 3.2, 2.2], [0.018, 7.1, 0.9], [0.006, 19.0, 2.5]] },
  { color: [44, 52, 72], base: 0.61, waves: [[0.035, 1.4, 4.1], [0.02, 9.2, 3.3], [0.005, 27.0, 1.1]] },
];
const HORIZON = 0.66; // the lake's far shore, as a fraction of the height
const SUN_AT = { x: 0.64, y: 0.47, r: 0.055 };

function skyAt(x: number, y: number, aspect: number): Rgb {
  const t = y / HORIZON;
  let c = t < 0.6 ? mix(SKY_TOP, SKY_MID, smooth(0, 0.6, t)) : mix(SKY_MID, SKY_HORIZON, smooth(0.6, 1, t));
  const d = Math.hypot((x - SUN_AT.x) * aspect, y - SUN_AT.y);
  c = mix(c, SUN, 0.55 * Math.exp(-d / 0.09)); // glow
  if (d < SUN_AT.r) c = mix(c, SUN, smooth(SUN_AT.r, SUN_AT.r * 0.85, d));
  // Two thin bands of cloud lit from below.
  const band = Math.exp(-(((y - 0.22 - 0.03 * Math.sin(x * 7)) / 0.018) ** 2)) * smooth(0.1, 0.5, Math.sin(x * 4.3 + 1) * 0.5 + 0.5);
  const band2 = Math.exp(-(((y - 0.33 - 0.02 * Math.sin(x * 5 + 2)) / 0.012) ** 2)) * smooth(0.2, 0.7, Math.sin(x * 3.1 + 4) * 0.5 + 0.5);
  return mix(mix(c, [255, 170, 150], 0.5 * band), [255, 196, 160], 0.45 * band2);
}

function landAt(x: number, y: number, aspect: number): Rgb {
  let c = skyAt(x, y, aspect);
  for (const hill of HILLS) {
    const top = hill.base - hill.waves.reduce((h, [amp, freq, phase]) => h + amp * Math.sin(x * freq * Math.PI + phase), 0);
    if (y >= top) c = mix(hill.color, SKY_HORIZON, 0.18 * (1 - smooth(top, top + 0.08, y)));
  }
  return c;
}

/** RGBA pixels of the scene: sky and hills above the shore, their rippled reflection below it. */
export function paintSample(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  const aspect = width / height;
  let seed = 0x9e3779b9;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const x = px / width;
      const y = py / height;
      let c: Rgb;
      if (y < HORIZON) c = landAt(x, y, aspect);
      else {
        const depth = (y - HORIZON) / (1 - HORIZON);
        const ripple = 0.004 * Math.sin(py * 0.9 + Math.sin(px * 0.05) * 3) * (0.3 + depth);
        const mirrored = Math.max(0, HORIZON - (y - HORIZON) * 0.9 + ripple);
        c = mix(landAt(x + ripple * 2, mirrored, aspect), [24, 36, 64], 0.25 + 0.45 * depth);
      }
      // A little grain, as a real photo has, so the JPEG is not unnaturally smooth.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      const n = ((seed >>> 0) % 9) - 4;
      const i = (py * width + px) * 4;
      data[i] = Math.max(0, Math.min(255, Math.round(c[0] + n)));
      data[i + 1] = Math.max(0, Math.min(255, Math.round(c[1] + n)));
      data[i + 2] = Math.max(0, Math.min(255, Math.round(c[2] + n)));
      data[i + 3] = 255;
    }
  }
  return data;
}

export function sampleJpeg(width = 960, height = 640, quality = 86): Uint8Array {
  return new Uint8Array(jpeg.encode({ width, height, data: paintSample(width, height) }, quality).data);
}
