import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ScrollableTable } from "./scrollable-table";

export type RemovableRow = {
  key: string;
  cells: readonly ReactNode[];
  /** The hidden field that names the row to the action (`intent=remove` is sent with it). */
  field: { name: string; value: string };
  /** What the button removes, for screen readers ("Remove Police emergency number, Greece"). */
  removeLabel: string;
};

/**
 * A list an administrator keeps (public holidays, emergency numbers): one table row per entry, each
 * with its own "Remove" form, and a line instead of an empty table when there is nothing yet.
 */
export function RemovableRows({
  caption,
  columns,
  actionsLabel,
  removeText,
  emptyText,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  actionsLabel: string;
  removeText: string;
  emptyText: string;
  rows: readonly RemovableRow[];
}) {
  if (rows.length === 0) return <p>{emptyText}</p>;
  return (
    <ScrollableTable caption={caption}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">{actionsLabel}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
            <td>
              <Form method="post">
                <input type="hidden" name={row.field.name} value={row.field.value} />
                <button type="submit" className="link-button" name="intent" value="remove" aria-label={row.removeLabel}>
                  {removeText}
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
