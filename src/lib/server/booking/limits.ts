// Limits that keep touts from taking a day's places (Sidoarjo, DOMAIN §8). A household may book a
// few services; a reseller needs dozens.
export const maxBookingsPerPhonePerDay = 2;
export const maxBookingsPerClientPerDay = 4;
