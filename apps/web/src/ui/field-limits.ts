/** The server's length of a person name (apps/api auth-schemas personName), enforced while typing. */
export const MAX_PERSON_NAME_LENGTH = 100;
