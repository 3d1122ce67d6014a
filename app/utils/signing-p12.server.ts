/**
 * The portal's document-signing identity as PKCS#12 (a private key and its certificate): made
 * here when none is configured, read and checked when one is. Pure: where it is kept is
 * app/models/signing-identity.server.ts's business.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

export type SigningIdentity = { p12: Buffer; password: string };

const KEY_BAG = forge.pki.oids.pkcs8ShroudedKeyBag as string;
const CERT_BAG = forge.pki.oids.certBag as string;

export const GENERATED_SIGNER_NAME = "Police Service Centers Global (Punjab Police) document signing";

/**
 * A self-signed RSA-2048 certificate for signing certificates' PDFs, valid ten years. Readers show
 * the signature as intact but the signer as unknown until the operator trusts this certificate or
 * replaces it with one from a recognised authority (CERTIFICATE_P12_BASE64).
 */
export function generateSigningIdentity(now = new Date()): SigningIdentity {
  // Node's key generation is native and fast; forge only builds the certificate and the container.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  // A positive serial: a leading 0x01 keeps the DER integer from reading as negative.
  certificate.serialNumber = `01${randomBytes(15).toString("hex")}`;
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 60 * 60 * 1000);
  const subject = [
    { shortName: "CN", value: GENERATED_SIGNER_NAME },
    { shortName: "O", value: "Punjab Police" },
    { shortName: "C", value: "PK" },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
    { name: "subjectKeyIdentifier" },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const password = randomBytes(24).toString("base64url");
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [certificate], password, { algorithm: "3des", friendlyName: "certificate-signing" });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"), password };
}

/**
 * Why a PKCS#12 cannot sign, or null when it can: it must open with the password and hold an
 * encrypted private key together with the certificate that matches it (what @signpdf/signer-p12 reads).
 */
export function signingIdentityProblem(identity: SigningIdentity): string | null {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(identity.p12.toString("binary"))),
      false,
      identity.password,
    );
  } catch {
    return "is not a PKCS#12 file that CERTIFICATE_P12_PASSWORD opens";
  }
  const keys = p12.getBags({ bagType: KEY_BAG })[KEY_BAG] ?? [];
  const certificates = p12.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? [];
  const key = keys[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) return "holds no (encrypted) private key";
  const matching = certificates.some((bag) => {
    const publicKey = bag.cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
    return publicKey !== undefined && publicKey.n.compareTo(key.n) === 0 && publicKey.e.compareTo(key.e) === 0;
  });
  return matching ? null : "holds no certificate for its private key";
}

/** The signer's name as readers show it (the certificate's common name). */
export function signerName(identity: SigningIdentity): string {
  const p12 = forge.pkcs12.pkcs12FromAsn1(
    forge.asn1.fromDer(forge.util.createBuffer(identity.p12.toString("binary"))),
    false,
    identity.password,
  );
  const bag = (p12.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? [])[0];
  const cn = bag?.cert?.subject.getField("CN") as { value?: string } | null | undefined;
  return cn?.value ?? "Punjab Police";
}
