import type { CertificateView } from "~/pdf/certificate-view.server";

/**
 * The certificate as issued, drawn in HTML from the stored record in the reader's language (not a
 * picture of the PDF): a verifier compares it line by line with the paper in front of them.
 * Values keep their own direction (<bdi>): numbers and Latin names stay readable on Urdu pages.
 */
export function CertificateCard({
  view,
  number,
  photo,
}: {
  view: CertificateView;
  number: string;
  photo: { src: string; alt: string } | null;
}) {
  const line = (l: { key: string; label: string; value: string }) => (
    <div className="certificate-card__line" key={l.key}>
      <dt>{l.label}</dt>
      <dd>
        <bdi>{l.value}</bdi>
      </dd>
    </div>
  );
  return (
    <div className="certificate-card">
      <div className="certificate-card__band">
        <p className="certificate-card__authority">{view.authority}</p>
        <p className="certificate-card__title">{view.title}</p>
      </div>
      <div className="certificate-card__body">
        {photo ? <img className="certificate-card__photo" src={photo.src} alt={photo.alt} width={150} height={200} /> : null}
        <dl className="certificate-card__lines">{line({ key: "number", label: view.numberLabel, value: number })}</dl>
        <p>{view.statement}</p>
        <dl className="certificate-card__lines certificate-card__lines--two">{view.holder.map(line)}</dl>
        <dl className="certificate-card__lines certificate-card__result">{line(view.result)}</dl>
        <dl className="certificate-card__lines certificate-card__lines--two">{view.issue.map(line)}</dl>
      </div>
    </div>
  );
}
