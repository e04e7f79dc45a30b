/**
 * Turns free text into URL slugs: lower-case ASCII letters and digits joined
 * by single dashes.
 * @module
 */

/** The longest slug {@link slugify} returns when no limit is given. */
export const DEFAULT_MAX_LENGTH = 64;

/**
 * Makes a slug of `text`: accents are removed, every run of other characters
 * becomes one dash, and the result is cut at a dash to at most `maxLength`
 * characters.
 *
 * @param {string} text the text to turn into a slug
 * @param {{ maxLength?: number }} [options] `maxLength`: the longest slug to return, at least 1
 * @returns {string} the slug, or "" when `text` has no letters or digits
 * @throws {TypeError} when `text` is not a string
 * @throws {RangeError} when `maxLength` is not an integer of at least 1
 */
export function slugify(text, { maxLength = DEFAULT_MAX_LENGTH } = {}) {
  if (typeof text !== "string") {
    throw new TypeError("text must be a string");
  }
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError("maxLength must be an integer of at least 1");
  }
  const slug = text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
  if (slug.length <= maxLength || slug[maxLength] === "-") {
    return slug.slice(0, maxLength);
  }
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf("-");
  return lastDash > 0 ? cut.slice(0, lastDash) : cut;
}
