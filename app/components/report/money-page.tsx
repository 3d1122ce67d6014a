import { useTranslation } from "~/utils/use-translation";
import { CURRENCIES, PAID, PAYMENT_METHODS } from "~/schemas/report";
import { currencyName } from "~/utils/format";
import { Checkboxes, Radios } from "../radios";
import { TextField } from "../text-field";
import type { ReportPageProps } from "./page-props";
import { ReportPageForm } from "./report-page";

const FIELDS = ["amountAsked", "currency", "currencyOther", "paymentMethods", "paid", "amountPaid"] as const;

export function MoneyPage({ lang, state, values, errors, returnToCheck }: ReportPageProps) {
  const { t } = useTranslation("report");
  return (
    <ReportPageForm page="money" state={state} returnToCheck={returnToCheck} errors={errors} fieldOrder={FIELDS} title={t("money.title")}>
      <TextField
        name="amountAsked"
        label={t("money.amountAsked")}
        hint={t("money.amountHint")}
        inputMode="numeric"
        autoComplete="off"
        error={errors?.amountAsked}
        defaultValue={values.amountAsked}
      />
      <Radios
        name="currency"
        legend={t("money.currency")}
        error={errors?.currency}
        defaultValue={values.currency}
        options={CURRENCIES.map((currency) => ({
          value: currency,
          label: currency === "other" ? t("money.otherCurrency") : `${currencyName(lang, currency)} (${currency})`,
          conditional:
            currency === "other" ? (
              <TextField
                name="currencyOther"
                label={t("money.currencyOther")}
                hint={t("money.currencyOtherHint")}
                autoComplete="off"
                dir="ltr"
                error={errors?.currencyOther}
                defaultValue={values.currencyOther}
              />
            ) : undefined,
        }))}
      />
      <Checkboxes
        name="paymentMethods"
        legend={t("money.methods")}
        hint={t("money.methodsHint")}
        error={errors?.paymentMethods}
        defaultValues={(values.paymentMethods ?? "").split(",")}
        options={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`paymentMethods.${method}`) }))}
      />
      <Radios
        name="paid"
        legend={t("money.paid")}
        error={errors?.paid}
        defaultValue={values.paid}
        options={PAID.map((paid) => ({
          value: paid,
          label: t(`money.paidOptions.${paid}`),
          conditional:
            paid === "yes" ? (
              <TextField
                name="amountPaid"
                label={t("money.amountPaid")}
                inputMode="numeric"
                autoComplete="off"
                error={errors?.amountPaid}
                defaultValue={values.amountPaid}
              />
            ) : undefined,
        }))}
      />
    </ReportPageForm>
  );
}
