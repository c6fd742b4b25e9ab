-- Hand-written. A pack file uploaded without a title took the name it was uploaded under as its
-- title, and the public page showed it: "Jane-Smith-age-12.jpg" told strangers who is in the
-- photo. Untitled files now stay untitled (the page says "File 2"); the staff's own page still
-- shows the uploaded name beside it.
UPDATE `brief_files` SET `title` = '' WHERE `title` = `file_name`;
