// What a proof says and what it does not, always shown next to a result so nobody reads more into it.
import { DOES_NOT_PROVE, PROVES } from '../../../common/proof-statement.js';

export function ProofStatement() {
  return (
    <div className="statement">
      <h3>What this proof proves</h3>
      <ul className="statement__list statement__list--yes">
        {PROVES.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h3>What it does not prove</h3>
      <ul className="statement__list statement__list--no">
        {DOES_NOT_PROVE.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
