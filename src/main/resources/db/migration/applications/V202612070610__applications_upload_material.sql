-- The material an upload through the API was made for, if its sender said: a filing or a
-- supplement that names the upload under another material is refused.
alter table applications_upload add column material text;
