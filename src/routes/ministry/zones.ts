/** Indonesia's three time zones (DOMAIN §6), the ministry page's zone filter. */
export const zones = ['WIB', 'WITA', 'WIT'] as const;
