package fileignore

// want +1 `//tokenlint:file-ignore staticcreds suppresses nothing: no staticcreds finding in this file; remove it`
//tokenlint:file-ignore staticcreds this file used to build static providers

// want +1 `//tokenlint:file-ignore staticcreds needs a reason after the analyzer names`
//tokenlint:file-ignore staticcreds

// want +1 `//tokenlint:file-ignore stsaticcreds: no analyzer is named "stsaticcreds" \(did you mean staticcreds\?\)`
//tokenlint:file-ignore stsaticcreds a typo

func nothingHere() {}
