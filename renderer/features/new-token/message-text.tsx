import { MONO_FONT } from '../../components/fonts';
import { codeSpansOf } from './code-spans';

/** A field message with its `code` spans set in the code font instead of showing backticks. */
export function MessageText({ message }: { readonly message: string }) {
  return (
    <>
      {codeSpansOf(message).map((part, index) =>
        part.code ? (
          <code key={index} style={{ fontFamily: MONO_FONT }}>
            {part.text}
          </code>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
