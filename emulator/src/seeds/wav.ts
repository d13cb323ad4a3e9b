/**
 * A short tone as a WAV file (RIFF, PCM 16-bit mono, 8 kHz): the sample org's recorded prompts. Built from integers
 * only, so the bytes are the same on every machine and every run.
 */
export function toneWav(frequencyHz: number, milliseconds: number): Uint8Array {
  const rate = 8000;
  const samples = Math.round((rate * milliseconds) / 1000);
  const data = Buffer.alloc(samples * 2);
  // A triangle wave (integer steps): no floating-point functions whose last bits could differ between platforms.
  const period = Math.max(2, Math.round(rate / frequencyHz));
  for (let i = 0; i < samples; i++) {
    const phase = i % period;
    const half = period / 2;
    const level = phase < half ? phase / half : (period - phase) / half;
    data.writeInt16LE(Math.round((level * 2 - 1) * 8000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "latin1");
  header.write("fmt ", 12, "latin1");
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "latin1");
  header.writeUInt32LE(data.length, 40);
  return new Uint8Array(Buffer.concat([header, data]));
}
