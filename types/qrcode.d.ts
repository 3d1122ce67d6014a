/** The parts of qrcode (1.5, no bundled types) the portal uses: the staff TOTP setup page and certificates. */
declare module "qrcode" {
  export type QRCodeToStringOptions = {
    type?: "svg" | "utf8" | "terminal";
    errorCorrectionLevel?: "L" | "M" | "Q" | "H";
    margin?: number;
    width?: number;
    color?: { dark?: string; light?: string };
  };
  export function toString(text: string, options?: QRCodeToStringOptions): Promise<string>;
  export type QRCodeToBufferOptions = Omit<QRCodeToStringOptions, "type"> & { type?: "png"; scale?: number };
  export function toBuffer(text: string, options?: QRCodeToBufferOptions): Promise<Buffer>;
  /** The symbol itself: `modules.get(row, column)` is true for a dark module. */
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: "L" | "M" | "Q" | "H" },
  ): { modules: { size: number; get(row: number, column: number): boolean | number } };
  const QRCode: { toString: typeof toString; toBuffer: typeof toBuffer; create: typeof create };
  export default QRCode;
}
