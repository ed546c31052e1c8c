// Implementation pending: see i18n/include/i18n/language.h
