/*
 * Progressive enhancement for document uploads: a file over the limit is not sent at all (it would
 * cost the applicant data for nothing; the page still says which one), and a progress bar shows
 * the upload. Without JavaScript the same form posts as usual.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-upload-form]");
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var progress = form.querySelector(".upload-progress");

  form.addEventListener("submit", function (event) {
    var data = new FormData(form);
    var submitter = event.submitter;
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var inputs = form.querySelectorAll("input[type=file][data-max-bytes]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var file = input.files && input.files[0];
      if (file && file.size > Number(input.getAttribute("data-max-bytes"))) {
        data.set(input.name, new Blob([]), "");
        data.append("tooLarge", input.name);
      }
    }
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.onprogress = function (e) {
      if (!progress || !e.lengthComputable) return;
      progress.hidden = false;
      progress.value = Math.round((e.loaded / e.total) * 100);
    };
    xhr.onload = function () {
      if (xhr.responseURL && xhr.responseURL !== form.action) {
        window.location.assign(xhr.responseURL);
        return;
      }
      document.open();
      document.write(xhr.responseText);
      document.close();
    };
    xhr.onerror = function () {
      form.submit();
    };
    xhr.send(data);
  });
})();
