/** How a procedure's dossier may be submitted, as the catalogue's tables name it. */
export type Channel = 'Trực tiếp' | 'Trực tuyến' | 'Dịch vụ bưu chính';
