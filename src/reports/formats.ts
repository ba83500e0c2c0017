// The report formats, by name: the CLI's --format choices and the service's ?format= values. Kept apart
// from the renderers so naming a format loads none of them.
export const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif', 'github', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
