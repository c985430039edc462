/** The parts of pngjs (which ships no types) the tests use: the QR reader's decoding, and a blank image for a photo upload (needs e2e). */
declare module 'pngjs' {
  interface Image {
    width: number;
    height: number;
    data: Buffer;
  }
  export const PNG: {
    new (options: { width: number; height: number }): Image;
    sync: { read(buffer: Buffer): Image; write(image: Image): Buffer };
  };
}
