/**
 * Where an org code lies. Codes nest by prefix: a district is 6 digits, its streets add 3 (9),
 * their communities 3 more (12). So the code alone names its district and street: no lookup needed.
 */
export type PlaceLevel = 'DISTRICT' | 'STREET' | 'COMMUNITY';

export interface Place {
  level: PlaceLevel;
  district: string;
  /** null for a district */
  street: string | null;
  /** null for a district or a street */
  community: string | null;
}

/**
 * The district, street and community an org code names. It reads the prefixes only (validating the
 * code is the DTO's job): a code of 9 or more characters names a street, of 12 or more a community.
 */
export function placeOfCode(code: string): Place {
  const street = streetOf(code);
  const community = code.length >= 12 ? code.slice(0, 12) : null;
  return { level: community ? 'COMMUNITY' : street ? 'STREET' : 'DISTRICT', district: districtOf(code), street, community };
}

/** The district (first 6 digits) of a district, street or community code. */
export function districtOf(code: string): string {
  return code.slice(0, 6);
}

/** The street (first 9 digits) of a street or community code; null for a district code. */
export function streetOf(code: string): string | null {
  return code.length >= 9 ? code.slice(0, 9) : null;
}
