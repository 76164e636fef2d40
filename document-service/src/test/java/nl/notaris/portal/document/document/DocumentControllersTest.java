package nl.notaris.portal.document.document;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.support.web.NotFoundException;

/** The rules of the document endpoints, in seconds; the integration tests wire the real storage. */
@WebMvcTest(controllers = { ClientDocumentController.class, StaffDocumentController.class })
class DocumentControllersTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DocumentService documents;

    @Test
    void anonymousIs401AndClientsCannotPublish() throws Exception {
        mvc.perform(get("/api/dossiers/d1/documents")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(multipart("/api/staff/dossiers/d1/documents").file(pdf()).param("title", "T")
                .param("category", "DOCUMENT").with(ANNA.token())).andExpect(status().isForbidden());
        verifyNoInteractions(documents);
    }

    @Test
    void aTabIsPagedWithTheSharedParametersAndCorrespondenceByDefault() throws Exception {
        given(documents.list(any(), eq("d1"), any(), any())).willReturn(new PageImpl<>(List.of(), PageRequest.of(1, 30), 0));
        mvc.perform(get("/api/dossiers/d1/documents").param("page", "1").param("size", "30").with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.page").value(1));
        verify(documents).list(any(), eq("d1"), eq(Category.CORRESPONDENCE), eq(PageRequest.of(1, 30)));
    }

    @Test
    void badParametersNameTheField() throws Exception {
        mvc.perform(get("/api/dossiers/d1/documents").param("category", "LETTER").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(get("/api/dossiers/d1/documents").param("size", "0").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(multipart("/api/staff/dossiers/d1/documents").file(pdf()).param("category", "DOCUMENT")
                .with(STAFF.token())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(multipart("/api/staff/dossiers/d1/documents").file(pdf()).param("title", "T")
                .param("category", "DELIVERED").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
    }

    @Test
    void someoneElsesDocumentIsA404() throws Exception {
        given(documents.open(any(), eq("theirs"))).willThrow(new NotFoundException("Document theirs was not found."));
        mvc.perform(get("/api/documents/theirs/content").with(ANNA.token())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    static MockMultipartFile pdf() {
        return new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF-1.4".getBytes());
    }
}
