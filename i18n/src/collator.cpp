// Implementation pending: see i18n/include/i18n/collator.h
