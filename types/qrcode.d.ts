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
  const QRCode: { toString: typeof toString; toBuffer: typeof toBuffer };
  export default QRCode;
}
