/** The green panel that ends a journey: what happened, and the reference to keep. */
export function ConfirmationPanel({ title, referenceLabel, reference }: { title: string; referenceLabel: string; reference: string }) {
  return (
    <div className="panel-confirmation">
      <h1 className="heading-xl">{title}</h1>
      <p className="panel-confirmation__body">
        {referenceLabel}
        <br />
        <strong className="reference" dir="ltr">
          {reference}
        </strong>
      </p>
    </div>
  );
}
