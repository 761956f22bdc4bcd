import { memo, useId, useState } from 'react';
import { CrateAccessTable, type CrateAccessTableProps } from './crate-access-table';
import { accessSummary } from './crate-text';

/**
 * A crate's token table, folded under a one-line summary until asked for.
 * Every crate's table open at once made the page thousands of elements
 * (slow to draw and to read through with a screen reader), while the
 * summary already answers the first question: how many tokens, how many
 * can publish.
 */
export const CrateAccessFold = memo(function CrateAccessFold(props: CrateAccessTableProps) {
  const { crateName, access } = props;
  const [open, setOpen] = useState(false);
  const tableId = useId();
  if (access.length === 0) return <CrateAccessTable {...props} />;
  const count = access.length === 1 ? '1 token' : `${String(access.length)} tokens`;
  return (
    <>
      <p className="access-summary">
        <span>{accessSummary(access)}</span>
        <button
          type="button"
          className="fold-button"
          aria-expanded={open}
          aria-controls={open ? tableId : undefined}
          aria-label={`${open ? 'Hide' : 'Show'} the ${count} that can act on ${crateName}`}
          onClick={() => {
            setOpen((value) => !value);
          }}
        >
          {open ? 'Hide' : 'Show'} the {count}
        </button>
      </p>
      {open && (
        <div id={tableId}>
          <CrateAccessTable {...props} />
        </div>
      )}
    </>
  );
});
