package nl.notaris.portal.messaging.message;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.support.web.NotFoundException;

/** The message endpoints' rules in seconds; the integration test wires the real storage and events. */
@WebMvcTest(controllers = { ClientMessageController.class, StaffMessageController.class })
class MessageControllersTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    MessageService messages;

    @Test
    void subjectAndBodyAreRequiredAndNamed() throws Exception {
        mvc.perform(post("/api/dossiers/d1/messages").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\" \",\"body\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("subject", "body")));
        mvc.perform(multipart("/api/staff/dossiers/d1/messages").param("body", "B").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("subject"));
        verifyNoInteractions(messages);
    }

    @Test
    void aNullUploadIdIsABadRequestNotAServerError() throws Exception {
        mvc.perform(post("/api/dossiers/d1/messages").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"S\",\"body\":\"B\",\"uploads\":[null]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("uploads[0]"));
    }

    @Test
    void aRequestIdHasTheFormOfAStepsIdAndComesWithFiles() throws Exception {
        for (String bad : List.of("\"\"", "\"step 2\"", "\"../step\"", "\"" + "x".repeat(65) + "\"", "\"stap-é\"")) {
            mvc.perform(post("/api/dossiers/d1/messages").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subject\":\"S\",\"body\":\"B\",\"requestId\":" + bad
                                    + ",\"uploads\":[\"up-1\"]}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("requestId"));
        }
        for (String noFiles : List.of("", ",\"uploads\":[]", ",\"uploads\":null")) {
            mvc.perform(post("/api/dossiers/d1/messages").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subject\":\"S\",\"body\":\"B\",\"requestId\":\"step-2\"" + noFiles + "}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("uploads"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("upload at least one file")));
        }
        verifyNoInteractions(messages);
    }

    @Test
    void aValidRequestIdIsPassedOnWithTheUploads() throws Exception {
        given(messages.sendByClient(any(), eq("d1"), eq("S"), eq("B"), isNull(), eq("Step_2-a"), eq(List.of("up-1"))))
                .willThrow(new NotFoundException("Dossier d1 was not found."));
        mvc.perform(post("/api/dossiers/d1/messages").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"S\",\"body\":\"B\",\"requestId\":\"Step_2-a\",\"uploads\":[\"up-1\"]}"))
                .andExpect(status().isNotFound());
        verify(messages).sendByClient(any(), eq("d1"), eq("S"), eq("B"), isNull(), eq("Step_2-a"), eq(List.of("up-1")));
    }

    @Test
    void theListIsPagedWithTheSharedParameters() throws Exception {
        given(messages.list(any(), eq("d1"), any())).willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 20), 0));
        mvc.perform(get("/api/dossiers/d1/messages").with(ANNA.token())).andExpect(status().isOk());
        verify(messages).list(any(), eq("d1"), eq(PageRequest.of(0, 20)));
        mvc.perform(get("/api/dossiers/d1/messages").param("size", "500").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void clientsCannotUseTheStaffApiAndAnonymousIs401() throws Exception {
        mvc.perform(get("/api/staff/dossiers/d1/messages").with(ANNA.token())).andExpect(status().isForbidden());
        mvc.perform(get("/api/messages/m1")).andExpect(status().isUnauthorized());
    }
}
