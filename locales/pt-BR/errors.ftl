### Mensagens em português do Brasil para os códigos de erro numéricos de uma API aberta no
### estilo da Baidu.
###
### Glossário (o mesmo nas 36 mensagens): access token → token de acesso, API key → chave de API,
### session key → chave de sessão, signature → assinatura, parameter → parâmetro,
### data store → armazenamento de dados, batch → lote, method → método, referer → referenciador.
### API, IP e ID ficam em letras latinas; nomes de parâmetros (call_id, timestamp) e de API
### (begin_batch, end_batch, start_batch) ficam como estão.

error-0 = Sucesso
error-1 = Erro desconhecido
error-2 = Serviço temporariamente indisponível
error-3 = Método de API não suportado
error-4 = Limite de solicitações da API atingido
error-5 = Endereço IP do cliente não autorizado: { $ip }
error-6 = Sem permissão para acessar os dados deste usuário
error-7 = Sem permissão para acessar os dados a partir deste referenciador
error-100 = Parâmetro inválido
error-101 = Chave de API inválida
error-102 = Chave de sessão inválida ou revogada
error-103 = Parâmetro call_id inválido ou já utilizado
error-104 = Assinatura incorreta
error-105 = Parâmetros em excesso
error-106 = Método de assinatura não suportado
error-107 = Parâmetro timestamp inválido ou já utilizado
error-108 = ID de usuário inválido
error-109 = Campo de informações do usuário inválido
error-110 = Token de acesso inválido ou revogado
error-111 = Token de acesso expirado
error-112 = Chave de sessão expirada
error-114 = Endereço IP inválido
error-210 = Usuário não visível
error-211 = Sem permissão para obter o campo solicitado
error-212 = Sem permissão para acessar o e-mail do usuário
error-800 = Erro desconhecido na API de armazenamento de dados
error-801 = Operação inválida
error-802 = Cota de armazenamento de dados excedida
error-803 = Objeto especificado não encontrado
error-804 = O objeto especificado já existe
error-805 = Ocorreu um erro no banco de dados. Tente novamente
error-900 = O aplicativo não existe
error-950 = begin_batch já foi chamado; chame end_batch primeiro
error-951 = end_batch chamado antes de start_batch
error-952 = Um lote não pode conter mais de 20 chamadas de API
error-953 = Método não permitido no modo em lote
